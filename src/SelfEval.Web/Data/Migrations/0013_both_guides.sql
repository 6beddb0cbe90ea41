-- One initiative, both guides: the assessment of the second guide points to the first one. Its coordinator link is
-- derived from the first's (see Tokens.OtherGuide) with the salt kept here, and it keeps the first's link sealed
-- under its own (Tokens.Seal), so either link leads to both guides and the database alone opens neither.
-- Deleting the first leaves the second on its own: the pointer becomes NULL (the seal is cleared by the store).
ALTER TABLE assessments ADD COLUMN initiative_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL;
ALTER TABLE assessments ADD COLUMN initiative_salt BLOB;
ALTER TABLE assessments ADD COLUMN initiative_seal BLOB;
CREATE UNIQUE INDEX assessments_initiative_guide ON assessments (initiative_id, questionnaire_id) WHERE initiative_id IS NOT NULL;

-- A team member who joined the other guide from their first link: that link already leads to both, so the
-- new one does not offer to join the first guide a second time.
ALTER TABLE respondents ADD COLUMN joined_from INTEGER REFERENCES respondents(id) ON DELETE SET NULL;
