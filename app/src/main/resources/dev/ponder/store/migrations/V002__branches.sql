-- V002: branches. Messages already form a tree through parent_id (regenerating an answer or editing a question adds
-- a sibling); the conversation remembers which leaf is shown, and the transcript is the path from the root to it.
-- Deleting that leaf must not delete the conversation, so the reference falls back to NULL (read as "the newest
-- message") instead of cascading.

ALTER TABLE conversation ADD COLUMN active_leaf_id INTEGER REFERENCES message (id) ON DELETE SET NULL;

-- Without this index every deleted message would scan all conversations to clear references to it.
CREATE INDEX conversation_active_leaf ON conversation (active_leaf_id);

-- Existing conversations are straight chains: their newest message is their leaf.
UPDATE conversation
SET active_leaf_id = (SELECT max(m.id) FROM message m WHERE m.conversation_id = conversation.id);
