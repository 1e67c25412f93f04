-- Schema 5: timeline entries can be edited and deleted honestly, and searched.

-- A deleted entry stays in the file, hidden, so the deletion can be seen and undone.
ALTER TABLE timeline_entries ADD COLUMN deleted_at TEXT;
-- The time first given, kept when the entry is moved to another time.
ALTER TABLE timeline_entries ADD COLUMN original_occurred_at TEXT;

-- Every change to an entry: what it was before, who changed it, when and why.
CREATE TABLE timeline_revisions (
    id                   INTEGER PRIMARY KEY,
    entry_id             INTEGER NOT NULL REFERENCES timeline_entries (id) ON DELETE CASCADE,
    revised_at           TEXT    NOT NULL,
    author               TEXT    NOT NULL DEFAULT '',
    action               TEXT    NOT NULL CHECK (action IN ('edit', 'delete')),
    reason               TEXT    NOT NULL DEFAULT '',
    old_text             TEXT    NOT NULL,
    old_kind             TEXT    NOT NULL,
    old_occurred_at      TEXT    NOT NULL,
    old_key_moment       INTEGER NOT NULL,
    old_customer_visible INTEGER NOT NULL
);
CREATE INDEX timeline_revisions_by_entry ON timeline_revisions (entry_id, id);

-- Full-text search over what happened, kept in step with the entries by triggers.
CREATE VIRTUAL TABLE timeline_search USING fts5 (
    text, content = 'timeline_entries', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO timeline_search (timeline_search) VALUES ('rebuild');

CREATE TRIGGER timeline_search_insert AFTER INSERT ON timeline_entries BEGIN
    INSERT INTO timeline_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER timeline_search_delete AFTER DELETE ON timeline_entries BEGIN
    INSERT INTO timeline_search (timeline_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER timeline_search_update AFTER UPDATE OF text ON timeline_entries BEGIN
    INSERT INTO timeline_search (timeline_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO timeline_search (rowid, text) VALUES (new.id, new.text);
END;
