-- Schema 4: the incident lifecycle: severity history, stage checklists, postmortem due time, security flag.

ALTER TABLE incidents ADD COLUMN postmortem_due_at TEXT;
ALTER TABLE incidents ADD COLUMN is_security INTEGER NOT NULL DEFAULT 0 CHECK (is_security IN (0, 1));

-- Every severity an incident has had, from its declaration on; time in each level is computed from it.
-- A suggestion the IC overrode is kept too (severity unchanged, suggested holds the level turned down).
CREATE TABLE severity_changes (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    changed_at  TEXT    NOT NULL,
    severity    INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
    origin      TEXT    NOT NULL DEFAULT 'manual'
                CHECK (origin IN ('declared', 'manual', 'suggestion_accepted', 'suggestion_overridden')),
    suggested   INTEGER CHECK (suggested IS NULL OR suggested BETWEEN 1 AND 3),
    reason      TEXT    NOT NULL DEFAULT '',
    author      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX severity_changes_by_incident ON severity_changes (incident_id, changed_at, id);

INSERT INTO severity_changes (incident_id, changed_at, severity, origin)
    SELECT id, declared_at, severity, 'declared' FROM incidents;

-- The playbook's checklist per stage: the defaults each new incident starts with.
CREATE TABLE checklist_defaults (
    id       INTEGER PRIMARY KEY,
    stage    TEXT    NOT NULL CHECK (stage IN ('detection', 'triage', 'containment', 'recovery', 'review', 'closed')),
    text     TEXT    NOT NULL CHECK (length(trim(text)) > 0)
);

INSERT INTO checklist_defaults (stage, text) VALUES
    ('triage', 'Assess severity against the playbook''s table and declare the incident'),
    ('triage', 'Page the required roles (Incident Commander, Communications Lead, Operations Engineer)'),
    ('containment', 'If under attack, apply connection throttles (RATE_LIMIT_WRITE_MAX, SOCKET_EVENT_RATE_LIMIT)'),
    ('containment', 'Block offending IP ranges at the load balancer or CDN'),
    ('containment', 'For performance regressions, scale out replicas and review recent deployments'),
    ('recovery', 'If a deployment caused it, roll back using the steps in docs/production-checklist.md'),
    ('recovery', 'Restore service dependencies (databases, caches) and verify with smoke tests'),
    ('recovery', 'Watch game_server_error_log_total and /metrics/errors for residual exceptions'),
    ('review', 'Document the timeline'),
    ('review', 'Document the impact'),
    ('review', 'Document the root cause'),
    ('review', 'Agree follow-up actions with owners and due dates'),
    ('review', 'Update runbooks, dashboards and alerts as needed');

-- One incident's checklist: the defaults copied at declaration plus items added for this incident.
CREATE TABLE checklist_items (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    stage       TEXT    NOT NULL CHECK (stage IN ('detection', 'triage', 'containment', 'recovery', 'review', 'closed')),
    text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    position    INTEGER NOT NULL DEFAULT 0,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    done_at     TEXT,
    done_by     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX checklist_items_by_incident ON checklist_items (incident_id, stage, position);

-- Incidents still open get the checklists; closed ones are history and stay as they were.
INSERT INTO checklist_items (incident_id, stage, text, position, is_default)
    SELECT i.id, d.stage, d.text, d.id - 1, 1 FROM incidents i CROSS JOIN checklist_defaults d WHERE i.stage <> 'closed';
