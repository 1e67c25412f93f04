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

-- The built-in postmortem template gains the sections above, the severity history, everyone who held a role and the
-- action items. A copy the user has edited is left as it is.
UPDATE templates SET body = '# Postmortem: {{reference}} {{title}}

- **Severity:** {{severity}} (highest reached: {{highest_severity}})
- **Declared:** {{declared_at}}; **detected:** {{detected_at}}
- **Mitigated:** {{mitigated_at}}; **resolved:** {{resolved_at}}; **duration:** {{elapsed}}
- **Postmortem due:** {{postmortem_due_at}}

## Summary
{{summary}}

## Impact
{{impact}}

## Severity history
{{#severity_history}}
- {{time}}: **{{severity}}** for {{duration}}. {{reason}}
{{/severity_history}}

{{#time_in_severity}}
- Time in {{severity}}: {{duration}}
{{/time_in_severity}}

## Roles
{{#role_history}}
- {{role}}: {{holder}}, {{from}} to {{to}}
{{/role_history}}
{{^role_history}}
No roles were assigned.
{{/role_history}}

## Timeline (key moments)
{{#key_moments}}
- **{{at}}** {{text}}
{{/key_moments}}

## Root cause
{{root_cause}}

## What went well
{{went_well}}

## What went badly
{{went_badly}}

## Action items
{{#action_items}}
- **{{state}}**: {{title}} (owner: {{owner}}, due {{due}})
{{/action_items}}
{{^action_items}}
No action items yet.
{{/action_items}}
'
WHERE is_builtin = 1 AND audience = 'postmortem' AND body = '# Postmortem: {{reference}} {{title}}

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
';
