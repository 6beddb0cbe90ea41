-- Office accounts can be disabled (when and by whom: an account's name, NULL = on the command line) and show
-- their last login. session_version is in every sign-in cookie: raising it (disabling, a new password) ends the
-- account's sessions at their next request.
ALTER TABLE office_users ADD COLUMN last_login_at TEXT;
ALTER TABLE office_users ADD COLUMN disabled_at TEXT;
ALTER TABLE office_users ADD COLUMN disabled_by TEXT;
ALTER TABLE office_users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 1;
