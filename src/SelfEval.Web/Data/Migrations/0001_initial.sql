-- Every guide version that was ever answered, with its full sources, so a round is always shown
-- and scored against the exact text it was answered with.
CREATE TABLE questionnaire_versions (
    id               INTEGER PRIMARY KEY,
    questionnaire_id TEXT NOT NULL,
    version          TEXT NOT NULL,
    hash             TEXT NOT NULL UNIQUE,
    sources_json     TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

-- One initiative working through one guide. Links are stored only as SHA-256 hashes.
CREATE TABLE assessments (
    id                     INTEGER PRIMARY KEY,
    questionnaire_id       TEXT NOT NULL,
    coordinator_token_hash BLOB NOT NULL UNIQUE,
    invite_generation      INTEGER NOT NULL DEFAULT 1,
    invite_token_hash      BLOB NOT NULL UNIQUE,
    comparison_opt_in      INTEGER NOT NULL DEFAULT 0,
    is_demo                INTEGER NOT NULL DEFAULT 0,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);

-- A yearly (or any) pass through the guide; closed rounds take no more answers.
CREATE TABLE rounds (
    id                       INTEGER PRIMARY KEY,
    assessment_id            INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    number                   INTEGER NOT NULL,
    questionnaire_version_id INTEGER NOT NULL REFERENCES questionnaire_versions(id),
    created_at               TEXT NOT NULL,
    closed_at                TEXT,
    UNIQUE (assessment_id, number)
);

-- The initiative's profile as given for a round (carried over to the next one).
CREATE TABLE profile_answers (
    round_id      INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    value_json    TEXT,
    not_relevant  INTEGER NOT NULL DEFAULT 0,
    justification TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (round_id, question_id)
);

CREATE TABLE respondents (
    id             INTEGER PRIMARY KEY,
    round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    token_hash     BLOB UNIQUE,
    label          TEXT,
    is_coordinator INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    finished_at    TEXT,
    last_section   TEXT
);
CREATE INDEX respondents_round ON respondents(round_id);

-- One row per respondent and question: the last save wins, two people never touch the same row.
CREATE TABLE answers (
    respondent_id INTEGER NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    value_json    TEXT,
    not_relevant  INTEGER NOT NULL DEFAULT 0,
    justification TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (respondent_id, question_id)
);
