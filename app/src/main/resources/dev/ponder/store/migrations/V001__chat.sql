-- V001: conversations, messages and the full-text index over message text.
-- Times are Unix epoch milliseconds (INTEGER) so they sort and compare cheaply.

CREATE TABLE conversation (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    model       TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- The conversation list is ordered newest-updated first.
CREATE INDEX conversation_updated ON conversation (updated_at DESC, id DESC);

CREATE TABLE message (
    id                 INTEGER PRIMARY KEY,
    conversation_id    INTEGER NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    -- The message this one answers or follows; ready for branches later. A branch cannot outlive its parent.
    parent_id          INTEGER REFERENCES message (id) ON DELETE CASCADE,
    role               TEXT    NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    answer             TEXT    NOT NULL DEFAULT '',
    thinking           TEXT    NOT NULL DEFAULT '',
    thinking_ms        INTEGER,
    -- 1 once the model closed its thinking block (</think> seen); 0 while thinking or if it never closed.
    thinking_closed    INTEGER NOT NULL DEFAULT 0 CHECK (thinking_closed IN (0, 1)),
    -- 'streaming' rows found at start were left by a crash or kill and become 'incomplete'.
    status             TEXT    NOT NULL CHECK (status IN ('streaming', 'complete', 'incomplete', 'error')),
    error              TEXT,
    model              TEXT,
    sampling           TEXT,   -- JSON of the sampling parameters used
    prompt_tokens      INTEGER,
    completion_tokens  INTEGER,
    ttft_ms            INTEGER,
    tokens_per_second  REAL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);

CREATE INDEX message_conversation ON message (conversation_id, id);
CREATE INDEX message_parent ON message (parent_id);
-- Finding interrupted messages at start must not scan every message.
CREATE INDEX message_streaming ON message (status) WHERE status = 'streaming';

-- External-content FTS5 index: the text lives once, in message; the index only stores tokens.
-- remove_diacritics 2 lets "cafe" find "café".
CREATE VIRTUAL TABLE message_fts USING fts5 (
    answer,
    thinking,
    content = 'message',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
    INSERT INTO message_fts (rowid, answer, thinking) VALUES (new.id, new.answer, new.thinking);
END;

CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
    INSERT INTO message_fts (message_fts, rowid, answer, thinking) VALUES ('delete', old.id, old.answer, old.thinking);
END;

-- Only text changes touch the index; status and stats updates do not.
CREATE TRIGGER message_fts_update AFTER UPDATE OF answer, thinking ON message BEGIN
    INSERT INTO message_fts (message_fts, rowid, answer, thinking) VALUES ('delete', old.id, old.answer, old.thinking);
    INSERT INTO message_fts (rowid, answer, thinking) VALUES (new.id, new.answer, new.thinking);
END;
