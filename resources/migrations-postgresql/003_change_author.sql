-- Team format 3: who made each logged change (the console's presence name), so a refused edit can say who changed
-- the field since it was read.
ALTER TABLE change_log ADD COLUMN author text NOT NULL DEFAULT '';
