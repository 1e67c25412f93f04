-- Team format 2: the change log every console follows. A commit that changes the record adds one row per change
-- the store announces, in the same transaction, then NOTIFY ic_changes; each console reads the rows after the last
-- one it saw (on every notification and every reconnect), so nothing is missed while it was away.
CREATE TABLE change_log (
    seq         bigserial PRIMARY KEY,
    console     text        NOT NULL,          -- which connection made it: its own changes are already applied
    kind        text        NOT NULL,
    incident_id bigint      NOT NULL DEFAULT 0,
    row_id      bigint      NOT NULL DEFAULT 0,
    identity    text        NOT NULL DEFAULT '',
    logged_at   timestamptz NOT NULL DEFAULT now()
);
