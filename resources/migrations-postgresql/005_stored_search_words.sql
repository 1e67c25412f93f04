-- Team format 5: each entry's searchable words are kept with it, so a search that many entries match reads them
-- instead of folding every candidate's text again (measured: "ticket 31" over a million entries, 437 ms before).
ALTER TABLE timeline_entries
    ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', ic_fold(text))) STORED;
DROP INDEX timeline_entries_search;
CREATE INDEX timeline_entries_search ON timeline_entries USING gin (search_words);
