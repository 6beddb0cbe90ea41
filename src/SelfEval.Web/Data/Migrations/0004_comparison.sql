-- Only initiatives of the network count in comparisons. The office hands out one-time comparison codes
-- without recording who got which; an assessment that entered one points to it. Only hashes are stored.
CREATE TABLE comparison_codes (
    id         INTEGER PRIMARY KEY,
    code_hash  BLOB NOT NULL UNIQUE,
    issued_at  TEXT NOT NULL,
    is_demo    INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE assessments ADD COLUMN comparison_code_id INTEGER REFERENCES comparison_codes(id);

-- The demo network of earlier releases keeps counting: each demo initiative gets a demo code that
-- nobody can type (its "hash" is not 32 bytes long).
INSERT INTO comparison_codes (code_hash, issued_at, is_demo)
    SELECT CAST('demo-' || id AS BLOB), created_at, 1 FROM assessments WHERE is_demo = 1;
UPDATE assessments
    SET comparison_code_id = (SELECT c.id FROM comparison_codes c WHERE c.code_hash = CAST('demo-' || assessments.id AS BLOB))
    WHERE is_demo = 1;

-- How much of the guide a closed round answered: a round counts for comparisons only from the threshold on.
ALTER TABLE round_results ADD COLUMN coverage REAL;

-- A published state of the comparison: the counted rounds' scores and groups, frozen. Figures are
-- computed from snapshots only, never from live data.
CREATE TABLE cohort_snapshots (
    id            INTEGER PRIMARY KEY,
    published_at  TEXT NOT NULL,
    published_by  TEXT NOT NULL,
    rounds_json   TEXT NOT NULL
);

-- Every figure ever released, with the rounds it rests on: the disclosure rule checks each new figure
-- against all of these, for every user and across restarts.
CREATE TABLE released_figures (
    id           INTEGER PRIMARY KEY,
    snapshot_id  INTEGER NOT NULL REFERENCES cohort_snapshots(id),
    guide        TEXT NOT NULL,
    cell         TEXT NOT NULL,
    measure      TEXT NOT NULL,
    members      TEXT NOT NULL,
    value_json   TEXT NOT NULL,
    released_at  TEXT NOT NULL
);
CREATE INDEX released_figures_cell ON released_figures (guide, cell, measure, id);
