-- Schema 8: the file holds no triggers. A file may come from someone else, so the console runs nothing its schema
-- says (connections have triggers, views and the schema's functions switched off) and keeps the full-text index
-- in step with the entries itself, in the same transactions.
DROP TRIGGER timeline_search_insert;
DROP TRIGGER timeline_search_delete;
DROP TRIGGER timeline_search_update;
