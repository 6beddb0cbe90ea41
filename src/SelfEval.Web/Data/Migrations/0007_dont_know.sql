-- "Weiß nicht" is an answer of its own (issue 13): a flag beside "nicht relevant", so value_json keeps
-- exactly the values it always held and every answer given before stays as it was (0 = not chosen).
ALTER TABLE answers ADD COLUMN dont_know INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profile_answers ADD COLUMN dont_know INTEGER NOT NULL DEFAULT 0;
