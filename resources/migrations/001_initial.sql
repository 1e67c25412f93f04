-- Schema 1: the incident record.
-- Times are ISO-8601 UTC text with milliseconds ("2026-11-29T14:05:00.000Z"), so they sort as text.

CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    summary     TEXT    NOT NULL DEFAULT '',
    severity    INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
    stage       TEXT    NOT NULL DEFAULT 'detection'
                CHECK (stage IN ('detection', 'triage', 'containment', 'recovery', 'review', 'closed')),
    declared_at TEXT    NOT NULL,
    detected_at TEXT,
    mitigated_at TEXT,
    resolved_at TEXT,
    is_drill    INTEGER NOT NULL DEFAULT 0 CHECK (is_drill IN (0, 1))
);

CREATE TABLE people (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    handle  TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT ''
);

CREATE TABLE roles (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    responsibility TEXT    NOT NULL DEFAULT '',
    is_builtin     INTEGER NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1))
);

INSERT INTO roles (id, name, responsibility, is_builtin) VALUES
    (1, 'Incident Commander', 'Coordinates response, communication, and resolution.', 1),
    (2, 'Communications Lead', 'Provides stakeholder updates and manages customer messaging.', 1),
    (3, 'Operations Engineer', 'Executes mitigations, performs rollbacks, restores services.', 1),
    (4, 'Security Engineer', 'Handles abuse, intrusion attempts, and coordinates with WAF/CDN teams.', 1);

CREATE TABLE role_assignments (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    role_id     INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    assumed_at  TEXT    NOT NULL,
    released_at TEXT,
    CHECK (released_at IS NULL OR released_at >= assumed_at)
);

CREATE TABLE timeline_entries (
    id               INTEGER PRIMARY KEY,
    incident_id      INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    occurred_at      TEXT    NOT NULL,
    recorded_at      TEXT    NOT NULL,
    kind             TEXT    NOT NULL DEFAULT 'note'
                     CHECK (kind IN ('detection', 'triage', 'action', 'decision', 'communication', 'note')),
    author           TEXT    NOT NULL DEFAULT '',
    text             TEXT    NOT NULL,
    source           TEXT    NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'alert', 'system')),
    is_key_moment    INTEGER NOT NULL DEFAULT 0 CHECK (is_key_moment IN (0, 1)),
    customer_visible INTEGER NOT NULL DEFAULT 0 CHECK (customer_visible IN (0, 1))
);

CREATE TABLE status_updates (
    id              INTEGER PRIMARY KEY,
    incident_id     INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience        TEXT    NOT NULL CHECK (audience IN ('internal', 'customer')),
    body            TEXT    NOT NULL,
    published_at    TEXT    NOT NULL,
    next_update_due TEXT
);

CREATE TABLE templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    audience   TEXT    NOT NULL CHECK (audience IN ('internal', 'customer', 'postmortem')),
    body       TEXT    NOT NULL,
    is_builtin INTEGER NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1))
);

CREATE TABLE action_items (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    owner_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
    due_at      TEXT,
    state       TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'done', 'cancelled')),
    created_at  TEXT    NOT NULL
);

-- Every alert the console has seen, kept after the server forgets it.
CREATE TABLE alert_archive (
    id          INTEGER PRIMARY KEY,
    identity    TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    alert_name  TEXT NOT NULL DEFAULT '',
    labels      TEXT NOT NULL DEFAULT '{}',
    annotations TEXT NOT NULL DEFAULT '{}',
    state       TEXT NOT NULL DEFAULT 'firing',
    value       TEXT NOT NULL DEFAULT '',
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    resolved_at TEXT
);

-- An alert attached to an incident, with its evidence frozen at link time.
CREATE TABLE alert_links (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    alert_id    INTEGER NOT NULL REFERENCES alert_archive (id) ON DELETE CASCADE,
    linked_at   TEXT    NOT NULL,
    snapshot    TEXT    NOT NULL DEFAULT '{}',
    UNIQUE (incident_id, alert_id)
);
