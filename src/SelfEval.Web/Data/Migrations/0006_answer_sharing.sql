-- Whether a team member lets the coordination see their own answers one by one: 'none' (only in the
-- team's figures), 'pseudonym' (as "Person B") or 'name'. Everyone who answered before this column
-- existed was promised that nobody sees who gave which answer, so they default to 'none'.
ALTER TABLE respondents ADD COLUMN sharing TEXT NOT NULL DEFAULT 'none' CHECK (sharing IN ('none', 'pseudonym', 'name'));
