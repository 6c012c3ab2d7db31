-- Who saved each exchange (the OS user, or `user` in config.toml) and on
-- which machine, so a team's shared history says whose it is; and whether
-- it has been pushed to a team store (apierr history sync).
ALTER TABLE exchanges ADD COLUMN user_name TEXT NOT NULL DEFAULT '';
ALTER TABLE exchanges ADD COLUMN machine   TEXT NOT NULL DEFAULT '';
ALTER TABLE exchanges ADD COLUMN synced    INTEGER NOT NULL DEFAULT 0; -- 1 once in a team store
CREATE INDEX exchanges_unsynced ON exchanges (id) WHERE synced = 0;
