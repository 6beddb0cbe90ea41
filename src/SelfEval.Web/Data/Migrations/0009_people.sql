-- People management and the team profile for the team (issue 16).
-- A person the coordinator removed but whose answers still count: their link no longer exists
-- (token_hash is cleared), the row stays for the team's figures and leaves the coordinator's list.
ALTER TABLE respondents ADD COLUMN removed_at TEXT;

-- Answers saved before the coordinator reissued the link of someone who did not share them by name:
-- they still count in the team's figures, but the new link (which the coordinator held) never shows
-- them, and they never appear one by one. A new answer to the same question replaces the row and
-- shows again (0 = an ordinary answer, every answer saved before this release).
ALTER TABLE answers ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;

-- The sharing choice at the reissue: answers kept as "Person B" stay under that pseudonym while the
-- choice stays the same, so a reissue does not tell the coordinator which pseudonym was whose.
ALTER TABLE respondents ADD COLUMN reissued_sharing TEXT CHECK (reissued_sharing IN ('none', 'pseudonym', 'name'));

-- When the coordinator released the round's team profile to the members (NULL: only the coordination sees it).
ALTER TABLE rounds ADD COLUMN team_released_at TEXT;

-- Pseudonyms ("Person B") follow the order of the first link's hash; a link reissued or removed must not reorder
-- them, or the letter that moved would tell whose it was. The first hash is kept for that order only.
ALTER TABLE respondents ADD COLUMN pseudonym_key BLOB;
UPDATE respondents SET pseudonym_key = token_hash;
