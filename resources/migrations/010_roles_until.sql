-- Schema 10: the built-in postmortem says how long each role was held in words that fit a finished incident:
-- "14:30 UTC until 16:05 UTC", or "until resolved at 16:05 UTC" for a holder who kept the role to the end, not
-- "to now". Only the line as shipped is changed: a template the user edited keeps its own words.
UPDATE templates SET body = replace(body, '- {{role}}: {{holder}}, {{from}} to {{to}}', '- {{role}}: {{holder}}, {{from}} {{until}}')
WHERE is_builtin = 1 AND audience = 'postmortem';
