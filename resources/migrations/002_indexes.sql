-- Schema 2: indexes for the lookups every view makes (an incident's children, open incidents, alert recency).

CREATE INDEX timeline_entries_by_incident ON timeline_entries (incident_id, occurred_at, id);
CREATE INDEX role_assignments_by_incident ON role_assignments (incident_id, role_id, released_at);
CREATE INDEX status_updates_by_incident ON status_updates (incident_id, audience, published_at);
CREATE INDEX action_items_by_incident ON action_items (incident_id);
CREATE INDEX alert_links_by_incident ON alert_links (incident_id);
CREATE INDEX alert_archive_by_last_seen ON alert_archive (last_seen);
CREATE INDEX incidents_by_stage ON incidents (stage, severity);
