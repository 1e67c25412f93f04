-- The postmortem the playbook asks for within 48 hours of resolution. Summary and impact live on the incident
-- (the status updates use them too); the sections only the review writes live here, with when it was
-- distributed, so "on time" can be measured against incidents.postmortem_due_at.
CREATE TABLE postmortems (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
    root_cause   TEXT NOT NULL DEFAULT '',
    went_well    TEXT NOT NULL DEFAULT '',
    went_badly   TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    updated_at   TEXT NOT NULL
);

-- The list across all incidents puts open, overdue items first.
CREATE INDEX action_items_by_state_due ON action_items (state, due_at);
