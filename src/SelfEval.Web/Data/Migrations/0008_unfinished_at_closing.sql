-- Whether the coordinator left out the answers of people who had not finished when the round was closed
-- (issue 16): 0 for every round closed before, which counted everyone who had answered.
ALTER TABLE rounds ADD COLUMN excludes_unfinished INTEGER NOT NULL DEFAULT 0;
