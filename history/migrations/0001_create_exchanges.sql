-- One row per exchange. The indexed columns are copies of what searches
-- filter on; the whole exchange (bodies, headers, timings, diagnosis) is
-- the data blob, JSON, zstd-compressed when large.
CREATE TABLE exchanges (
    id                INTEGER PRIMARY KEY,
    time              INTEGER NOT NULL, -- Unix microseconds, UTC
    method            TEXT    NOT NULL,
    url               TEXT    NOT NULL,
    host              TEXT    NOT NULL,
    status            INTEGER NOT NULL, -- 0 when no response arrived
    class             INTEGER NOT NULL, -- status / 100, 0 for transport errors
    transport         INTEGER NOT NULL, -- 1 when no response arrived
    format            TEXT    NOT NULL,
    code              TEXT    NOT NULL,
    message           TEXT    NOT NULL,
    request_id        TEXT    NOT NULL,
    request_id_source TEXT    NOT NULL,
    api               TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    duration_us       INTEGER NOT NULL,
    note              TEXT    NOT NULL DEFAULT '',
    hash              BLOB, -- content hash, so an imported entry is kept once
    tkey              INTEGER NOT NULL, -- -(time in ms * 10^6 + a tiebreak): the full-text rowid
    data              BLOB    NOT NULL
);

CREATE INDEX exchanges_time ON exchanges (time);
CREATE INDEX exchanges_request_id ON exchanges (request_id);
CREATE INDEX exchanges_status_time ON exchanges (status, time);
CREATE INDEX exchanges_class_time ON exchanges (class, time);
CREATE UNIQUE INDEX exchanges_hash ON exchanges (hash);
CREATE UNIQUE INDEX exchanges_tkey ON exchanges (tkey);

-- Full text over URL, code, message, request_id and the (start of the)
-- bodies. Contentless: the text lives compressed in exchanges.data, so it
-- is not stored twice; contentless_delete lets rows be removed. Its rowid
-- is exchanges.tkey, which sorts opposite to time: FTS5 reads matches
-- lazily in ascending rowid order, so "newest 50 matches" stops after 50
-- however many rows match.
CREATE VIRTUAL TABLE exchanges_fts USING fts5 (
    url, code, message, request_id, body,
    content = '', contentless_delete = 1
);

CREATE TRIGGER exchanges_fts_delete AFTER DELETE ON exchanges BEGIN
    DELETE FROM exchanges_fts WHERE rowid = old.tkey;
END;
