-- Schema 9: an entry says who last changed it and when, so the timeline and its History show it without reading
-- every revision.
ALTER TABLE timeline_entries ADD COLUMN edited_at TEXT;
ALTER TABLE timeline_entries ADD COLUMN edited_by TEXT NOT NULL DEFAULT '';
