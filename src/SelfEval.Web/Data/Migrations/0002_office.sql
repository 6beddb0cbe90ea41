-- Accounts of the service office. Passwords are stored as ASP.NET Core PasswordHasher hashes only.
CREATE TABLE office_users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    created_at    TEXT NOT NULL
);

-- The scores of a closed round, computed once, so the office's figures never re-read answers.
-- Holds numbers and ids only: no names, no free text, no labels.
CREATE TABLE round_results (
    round_id         INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    questionnaire_id TEXT NOT NULL,
    results_json     TEXT NOT NULL,
    computed_at      TEXT NOT NULL
);
