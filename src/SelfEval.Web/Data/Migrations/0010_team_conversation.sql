-- The team conversation after answering (issue 16). Per round and question the answer the team agreed on, in
-- the same form as a person's answer (value_json written by the question's kind, or one of the two flags), with
-- a short note of why. A row without an answer is a topic the facilitator put on the agenda and not yet settled.
CREATE TABLE team_agreements (
    round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL,
    value_json   TEXT,
    not_relevant INTEGER NOT NULL DEFAULT 0,
    justification TEXT,
    dont_know    INTEGER NOT NULL DEFAULT 0,
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (round_id, question_id)
);

-- What the team decided to do, in the round it was decided in; who is free text as the team writes it. The
-- status is set in a later round (status_round_id) when the team looks back on what became of it.
CREATE TABLE team_actions (
    id              INTEGER PRIMARY KEY,
    round_id        INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    question_id     TEXT NOT NULL,
    what            TEXT NOT NULL,
    who             TEXT,
    due             TEXT,
    status          TEXT NOT NULL DEFAULT 'open',
    status_round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX team_actions_round ON team_actions(round_id);
