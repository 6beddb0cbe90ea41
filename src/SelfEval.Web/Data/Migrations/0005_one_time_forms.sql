-- The forms that mint a link (start, join) remember for a day which record a form created, so the same
-- form sent twice from the same browser lands on the same record. The nonce is kept only as a hash and
-- the link only protected with the service's data-protection keys (kept outside the database).
CREATE TABLE one_time_forms (
    nonce_hash      BLOB PRIMARY KEY,
    record_id       INTEGER NOT NULL,
    token_protected TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE INDEX one_time_forms_created_at ON one_time_forms (created_at);
