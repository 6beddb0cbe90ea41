-- The office's workbench. A draft is one questionnaire file being edited in the browser: it replaces the file of
-- that name (or adds one) when it is checked and published. based_on_hash is the SHA-256 of the published text the
-- draft started from, so the workbench can tell when someone published in between.
CREATE TABLE workbench_drafts (
    id               INTEGER PRIMARY KEY,
    questionnaire_id TEXT,
    file_name        TEXT NOT NULL,
    text             TEXT NOT NULL,
    based_on_hash    TEXT,
    created_by       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- Which version of a guide the office published, who did it and when, with the text and its file name, so the
-- service can start with it again and export it back as a file. folder_hash is the SHA-256 of the file of that
-- name in questionnaires/ that the service ran on at the time (NULL: the folder had no such file): at start-up the
-- office's latest publication wins only while the folder's file is still that one (see questionnaires/FORMAT.md).
CREATE TABLE workbench_publications (
    id               INTEGER PRIMARY KEY,
    questionnaire_id TEXT NOT NULL,
    version_id       INTEGER NOT NULL REFERENCES questionnaire_versions(id),
    file_name        TEXT NOT NULL,
    text             TEXT NOT NULL,
    folder_hash      TEXT,
    published_by     TEXT NOT NULL,
    published_at     TEXT NOT NULL
);
CREATE INDEX workbench_publications_guide ON workbench_publications (questionnaire_id, id);
