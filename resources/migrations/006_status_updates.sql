-- Schema 6: what status updates are written from, drafts that survive a crash, and the playbook's templates.

-- Told in updates: who is affected and how, and when the team expects it fixed. Free text the IC keeps current.
ALTER TABLE incidents ADD COLUMN impact TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN eta TEXT NOT NULL DEFAULT '';

-- The draft being written for each audience of an incident, saved as it is typed.
CREATE TABLE status_update_drafts (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience    TEXT    NOT NULL CHECK (audience IN ('internal', 'customer')),
    body        TEXT    NOT NULL,
    saved_at    TEXT    NOT NULL,
    UNIQUE (incident_id, audience)
);

INSERT OR IGNORE INTO templates (name, audience, is_builtin, body) VALUES
('Internal update', 'internal', 1,
'## {{reference}} {{title}} — internal update

**{{severity}}** ({{severity_definition}}) · **{{stage}}** · open for {{elapsed}}

**What is happening.** {{summary}}

**Impact.** {{impact}}

**Mitigation so far.**
{{#mitigation_steps}}
- {{time}} {{text}}
{{/mitigation_steps}}
{{^mitigation_steps}}
- Nothing done yet beyond triage.
{{/mitigation_steps}}

**Firing alerts.** {{#linked_alerts}}{{name}} ({{severity}}) {{/linked_alerts}}{{^linked_alerts}}none linked{{/linked_alerts}}

**Roles.** {{#roles}}{{role}}: {{holder}}; {{/roles}}

**ETA.** {{eta}}

Next internal update by {{next_update_at}}.
'),
('Customer update', 'customer', 1,
'## {{customer_title}}

**Status:** {{customer_status}} · posted {{now}}

{{impact}}

We are working on it and will post the next update by {{next_update_at}}.
'),
('Postmortem', 'postmortem', 1,
'# Postmortem: {{reference}} {{title}}

**Severity:** {{severity}} · **Declared:** {{declared_at}} · **Resolved:** {{resolved_at}} · **Duration:** {{elapsed}}

## Summary
{{summary}}

## Impact
{{impact}}

## Timeline (key moments)
{{#key_moments}}
- {{time}} {{text}}
{{/key_moments}}

## Roles
{{#roles}}
- {{role}}: {{holder}}
{{/roles}}

## Root cause

## What went well

## What went badly

## Action items
');
