-- Team record, PostgreSQL format 1: the same tables and columns as an SQLite file of format 10, so the store's
-- declarations (models/store/Tables.cpp) and statements serve both. Times are ISO-8601 UTC text with milliseconds
-- ("2026-11-29T14:05:00.000Z"), so they sort as text; flags are 0 or 1, as in the file. The seed rows (the
-- playbook's roles, checklists and templates) are copied from the SQLite migrations after this script runs.

-- A row inserted without an id gets the table's next one; a row inserted with its own (an undone delete, an
-- import) moves the sequence past it, so a later insert never collides with it.
CREATE FUNCTION ic_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    seq    text := pg_get_serial_sequence(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 'id');
    last   bigint;
    called boolean;
BEGIN
    IF NEW.id IS NULL THEN
        NEW.id := nextval(seq);
    ELSE
        EXECUTE format('SELECT last_value, is_called FROM %s', seq) INTO last, called;
        IF NEW.id > last OR NOT called THEN
            PERFORM setval(seq, GREATEST(NEW.id, CASE WHEN called THEN last ELSE 0 END));
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TABLE incidents (
    id                bigserial PRIMARY KEY,
    title             text    NOT NULL CHECK (length(trim(title)) > 0),
    summary           text    NOT NULL DEFAULT '',
    severity          integer NOT NULL CHECK (severity BETWEEN 1 AND 3),
    stage             text    NOT NULL DEFAULT 'detection'
                      CHECK (stage IN ('detection', 'triage', 'containment', 'recovery', 'review', 'closed')),
    declared_at       text    NOT NULL,
    detected_at       text,
    mitigated_at      text,
    resolved_at       text,
    is_drill          integer NOT NULL DEFAULT 0 CHECK (is_drill IN (0, 1)),
    postmortem_due_at text,
    is_security       integer NOT NULL DEFAULT 0 CHECK (is_security IN (0, 1)),
    impact            text    NOT NULL DEFAULT '',
    eta               text    NOT NULL DEFAULT ''
);

CREATE TABLE people (
    id      bigserial PRIMARY KEY,
    name    text NOT NULL CHECK (length(trim(name)) > 0),
    handle  text NOT NULL DEFAULT '',
    contact text NOT NULL DEFAULT ''
);

CREATE TABLE roles (
    id             bigserial PRIMARY KEY,
    name           text    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    responsibility text    NOT NULL DEFAULT '',
    is_builtin     integer NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1))
);

CREATE TABLE role_assignments (
    id          bigserial PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    role_id     bigint NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    person_id   bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    assumed_at  text   NOT NULL,
    released_at text,
    CHECK (released_at IS NULL OR released_at >= assumed_at)
);

CREATE TABLE timeline_entries (
    id                   bigserial PRIMARY KEY,
    incident_id          bigint  NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    occurred_at          text    NOT NULL,
    recorded_at          text    NOT NULL,
    kind                 text    NOT NULL DEFAULT 'note'
                         CHECK (kind IN ('detection', 'triage', 'action', 'decision', 'communication', 'note')),
    author               text    NOT NULL DEFAULT '',
    text                 text    NOT NULL,
    source               text    NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'alert', 'system')),
    is_key_moment        integer NOT NULL DEFAULT 0 CHECK (is_key_moment IN (0, 1)),
    customer_visible     integer NOT NULL DEFAULT 0 CHECK (customer_visible IN (0, 1)),
    deleted_at           text,
    original_occurred_at text,
    edited_at            text,
    edited_by            text    NOT NULL DEFAULT ''
);

CREATE TABLE timeline_revisions (
    id                   bigserial PRIMARY KEY,
    entry_id             bigint  NOT NULL REFERENCES timeline_entries (id) ON DELETE CASCADE,
    revised_at           text    NOT NULL,
    author               text    NOT NULL DEFAULT '',
    action               text    NOT NULL CHECK (action IN ('edit', 'delete')),
    reason               text    NOT NULL DEFAULT '',
    old_text             text    NOT NULL,
    old_kind             text    NOT NULL,
    old_occurred_at      text    NOT NULL,
    old_key_moment       integer NOT NULL,
    old_customer_visible integer NOT NULL
);

CREATE TABLE status_updates (
    id              bigserial PRIMARY KEY,
    incident_id     bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience        text   NOT NULL CHECK (audience IN ('internal', 'customer')),
    body            text   NOT NULL,
    published_at    text   NOT NULL,
    next_update_due text
);

CREATE TABLE status_update_drafts (
    id          bigserial PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience    text   NOT NULL CHECK (audience IN ('internal', 'customer')),
    body        text   NOT NULL,
    saved_at    text   NOT NULL,
    UNIQUE (incident_id, audience)
);

CREATE TABLE templates (
    id         bigserial PRIMARY KEY,
    name       text    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    audience   text    NOT NULL CHECK (audience IN ('internal', 'customer', 'postmortem')),
    body       text    NOT NULL,
    is_builtin integer NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1))
);

CREATE TABLE action_items (
    id          bigserial PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    title       text   NOT NULL CHECK (length(trim(title)) > 0),
    owner_id    bigint REFERENCES people (id) ON DELETE SET NULL,
    due_at      text,
    state       text   NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'done', 'cancelled')),
    created_at  text   NOT NULL
);

CREATE TABLE postmortems (
    id           bigserial PRIMARY KEY,
    incident_id  bigint NOT NULL UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
    root_cause   text NOT NULL DEFAULT '',
    went_well    text NOT NULL DEFAULT '',
    went_badly   text NOT NULL DEFAULT '',
    published_at text,
    updated_at   text NOT NULL
);

CREATE TABLE alert_archive (
    id          bigserial PRIMARY KEY,
    identity    text NOT NULL UNIQUE,
    source      text NOT NULL,
    alert_name  text NOT NULL DEFAULT '',
    labels      text NOT NULL DEFAULT '{}',
    annotations text NOT NULL DEFAULT '{}',
    state       text NOT NULL DEFAULT 'firing',
    value       text NOT NULL DEFAULT '',
    first_seen  text NOT NULL,
    last_seen   text NOT NULL,
    resolved_at text
);

CREATE TABLE alert_links (
    id          bigserial PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    alert_id    bigint NOT NULL REFERENCES alert_archive (id) ON DELETE CASCADE,
    linked_at   text   NOT NULL,
    snapshot    text   NOT NULL DEFAULT '{}',
    UNIQUE (incident_id, alert_id)
);

CREATE TABLE alert_acks (
    id              bigserial PRIMARY KEY,
    identity        text NOT NULL UNIQUE,
    note            text NOT NULL DEFAULT '',
    author          text NOT NULL DEFAULT '',
    acknowledged_at text NOT NULL
);

CREATE TABLE severity_changes (
    id          bigserial PRIMARY KEY,
    incident_id bigint  NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    changed_at  text    NOT NULL,
    severity    integer NOT NULL CHECK (severity BETWEEN 1 AND 3),
    origin      text    NOT NULL DEFAULT 'manual'
                CHECK (origin IN ('declared', 'manual', 'suggestion_accepted', 'suggestion_overridden')),
    suggested   integer CHECK (suggested IS NULL OR suggested BETWEEN 1 AND 3),
    reason      text    NOT NULL DEFAULT '',
    author      text    NOT NULL DEFAULT ''
);

CREATE TABLE checklist_defaults (
    id    bigserial PRIMARY KEY,
    stage text NOT NULL CHECK (stage IN ('detection', 'triage', 'containment', 'recovery', 'review', 'closed')),
    text  text NOT NULL CHECK (length(trim(text)) > 0)
);

CREATE TABLE checklist_items (
    id          bigserial PRIMARY KEY,
    incident_id bigint  NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    stage       text    NOT NULL CHECK (stage IN ('detection', 'triage', 'containment', 'recovery', 'review', 'closed')),
    text        text    NOT NULL CHECK (length(trim(text)) > 0),
    position    integer NOT NULL DEFAULT 0,
    is_default  integer NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    done_at     text,
    done_by     text    NOT NULL DEFAULT ''
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['incidents', 'people', 'roles', 'role_assignments', 'timeline_entries',
                             'timeline_revisions', 'status_updates', 'status_update_drafts', 'templates',
                             'action_items', 'postmortems', 'alert_archive', 'alert_links', 'alert_acks',
                             'severity_changes', 'checklist_defaults', 'checklist_items'] LOOP
        -- A BEFORE trigger runs before NOT NULL is checked, so an explicit NULL id reaches it.
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION ic_fill_id()',
                       t || '_fill_id', t);
    END LOOP;
END $$;

CREATE INDEX timeline_entries_by_incident ON timeline_entries (incident_id, occurred_at, id);
CREATE INDEX timeline_revisions_by_entry ON timeline_revisions (entry_id, id);
CREATE INDEX role_assignments_by_incident ON role_assignments (incident_id, role_id, released_at);
CREATE INDEX status_updates_by_incident ON status_updates (incident_id, audience, published_at);
CREATE INDEX action_items_by_incident ON action_items (incident_id);
CREATE INDEX action_items_by_state_due ON action_items (state, due_at);
CREATE INDEX alert_links_by_incident ON alert_links (incident_id);
CREATE INDEX alert_archive_by_last_seen ON alert_archive (last_seen);
CREATE INDEX incidents_by_stage ON incidents (stage, severity);
CREATE INDEX severity_changes_by_incident ON severity_changes (incident_id, changed_at, id);
CREATE INDEX checklist_items_by_incident ON checklist_items (incident_id, stage, position);

-- Search as the file's FTS5 index does it: words folded to lower case without diacritics. unaccent ships with
-- PostgreSQL 15 and is a trusted extension, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION ic_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
CREATE INDEX timeline_entries_search ON timeline_entries USING gin (to_tsvector('simple', ic_fold(text)));
