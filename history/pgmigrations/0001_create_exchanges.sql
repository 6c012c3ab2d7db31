-- The team store: one row per exchange, as in the SQLite history. The
-- indexed columns are copies of what searches filter on; data is the
-- whole redacted exchange, JSON, zstd-compressed when large, exactly the
-- SQLite store's blob. words is the full-text index of URL, code,
-- message, request_id, bodies and note, built by apierr with the same
-- word splitting as SQLite's FTS5, so both find the same exchanges.
CREATE TABLE exchanges (
    id                bigserial PRIMARY KEY,
    time              bigint   NOT NULL, -- Unix microseconds, UTC
    method            text     NOT NULL,
    url               text     NOT NULL,
    host              text     NOT NULL,
    status            integer  NOT NULL, -- 0 when no response arrived
    class             integer  NOT NULL, -- status / 100
    transport         boolean  NOT NULL, -- no response arrived
    format            text     NOT NULL,
    code              text     NOT NULL,
    message           text     NOT NULL,
    request_id        text COLLATE "C" NOT NULL, -- byte order, as SQLite: prefixes are index ranges
    request_id_source text     NOT NULL,
    api               text     NOT NULL,
    source            text     NOT NULL,
    duration_us       bigint   NOT NULL,
    note              text     NOT NULL DEFAULT '',
    user_name         text     NOT NULL DEFAULT '',
    machine           text     NOT NULL DEFAULT '',
    hash              bytea    NOT NULL, -- content hash: the same exchange is kept once
    words             tsvector NOT NULL,
    data              bytea    NOT NULL
);

CREATE UNIQUE INDEX exchanges_hash ON exchanges (hash);
CREATE INDEX exchanges_time ON exchanges (time DESC, id DESC);
CREATE INDEX exchanges_request_id ON exchanges (request_id, time DESC);
CREATE INDEX exchanges_status_time ON exchanges (status, time DESC);
CREATE INDEX exchanges_class_time ON exchanges (class, time DESC);
CREATE INDEX exchanges_user_time ON exchanges (lower(user_name), time DESC);
CREATE INDEX exchanges_words ON exchanges USING gin (words);
