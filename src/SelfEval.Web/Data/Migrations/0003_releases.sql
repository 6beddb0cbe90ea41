-- Every release of SelfEval that opened this database, in order. The last row says which release
-- migrated it last, so an older release can refuse a newer database instead of changing it.
CREATE TABLE releases (
    id          INTEGER PRIMARY KEY,
    version     TEXT NOT NULL,
    migrated_at TEXT NOT NULL
);
