package dev.ponder.chat;

import dev.ponder.engine.Sampling;
import dev.ponder.engine.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.store.Database;
import dev.ponder.store.StoreException;

/**
 * Conversations and messages in the {@link Database}. Safe to call from several threads: every method is one unit of
 * work on the database's single, locked connection. Every write of a message or title also moves the conversation's
 * {@code updated_at}, so the list shows the conversation last worked on first. Failures are {@link StoreException}s
 * worded for the user.
 *
 * <p>Branches: messages form a tree through their parent. Regenerating an answer adds a sibling of that answer,
 * editing a question adds a sibling of that question, so every earlier version stays reachable. The conversation
 * remembers its <em>active leaf</em>; the transcript is the {@linkplain #activePath path} from the first message to
 * it, and new messages are appended under it and become it.
 */
public final class ChatRepository {

    /** Title used when the caller gives a blank one. */
    public static final String DEFAULT_TITLE = "New conversation";

    private static final String MESSAGE_COLUMNS = """
            id, conversation_id, parent_id, role, answer, thinking, thinking_ms, thinking_closed, status, error, model,
            sampling, prompt_tokens, completion_tokens, ttft_ms, tokens_per_second, created_at, updated_at""";

    private static final String CONVERSATION_SELECT = """
            SELECT c.id, c.title, c.model, c.created_at, c.updated_at,
                   (SELECT count(*) FROM message m WHERE m.conversation_id = c.id)
            FROM conversation c""";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // Sampling fields added later must not make older rows unreadable, nor newer rows unreadable by older builds.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Database db;
    private final Clock clock;

    public ChatRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    /** With a chosen clock, for tests that need distinct timestamps. */
    public ChatRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Database database() {
        return db;
    }

    // ---- conversations -------------------------------------------------------------------------------------------

    public Conversation createConversation(String title, String model) {
        String t = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        return db.write("creating a conversation", c -> {
            long now = now();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO conversation (title, model, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, t);
                ps.setString(2, model);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return loadConversation(c, lastInsertId(c)).orElseThrow();
        });
    }

    /** All conversations, the most recently updated first. */
    public List<Conversation> listConversations() {
        return db.read("listing conversations", c -> {
            List<Conversation> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CONVERSATION_SELECT + " ORDER BY c.updated_at DESC, c.id DESC");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(conversation(rs));
                }
            }
            return list;
        });
    }

    public Optional<Conversation> findConversation(long id) {
        return db.read("loading conversation " + id, c -> loadConversation(c, id));
    }

    public void renameConversation(long id, String title) {
        String t = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        db.write("renaming conversation " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE conversation SET title = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, t);
                ps.setLong(2, now());
                ps.setLong(3, id);
                requireOne(ps.executeUpdate(), "conversation " + id);
            }
            return null;
        });
    }

    /** Deletes a conversation and, through the foreign key's cascade, its messages and their search entries. */
    public void deleteConversation(long id) {
        db.write("deleting conversation " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /**
     * All messages of a conversation, every branch, in the order they were written; empty if it does not exist. For
     * export and scripts; the transcript is {@link #activePath}.
     */
    public List<Message> messages(long conversationId) {
        return db.read("loading the messages of conversation " + conversationId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + MESSAGE_COLUMNS + " FROM message WHERE conversation_id = ? ORDER BY id")) {
                ps.setLong(1, conversationId);
                return messageList(ps);
            }
        });
    }

    public Optional<Message> findMessage(long id) {
        return db.read("loading message " + id, c -> loadMessage(c, id));
    }

    /**
     * The transcript: the messages from the first to the active leaf. A conversation whose leaf was never set (or
     * was deleted) shows the path to its newest message. Empty if it has no messages or does not exist.
     */
    public List<Message> activePath(long conversationId) {
        return db.read("loading conversation " + conversationId, c -> {
            Long leaf = activeLeaf(c, conversationId);
            return leaf == null ? List.<Message>of() : path(c, leaf);
        });
    }

    /** The messages from the first to {@code messageId}, the history that message was written after. */
    public List<Message> pathTo(long messageId) {
        return db.read("loading the history of message " + messageId, c -> path(c, messageId));
    }

    /**
     * The versions of a message: those with the same parent in the same conversation, {@code messageId} included, in
     * the order they were written. Empty if it does not exist.
     */
    public List<Message> siblings(long messageId) {
        return db.read("loading the versions of message " + messageId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + """
                     FROM message
                    WHERE conversation_id = (SELECT conversation_id FROM message WHERE id = ?1)
                      AND parent_id IS (SELECT parent_id FROM message WHERE id = ?1)
                    ORDER BY id""")) {
                ps.setLong(1, messageId);
                return messageList(ps);
            }
        });
    }

    /**
     * Shows the branch through {@code messageId}: its newest descendant (itself when it has none) becomes the active
     * leaf, so switching back to an older version shows the continuation last written there. The conversation's
     * {@code updated_at} stays: looking at a branch is not new work.
     */
    public void selectBranch(long messageId) {
        db.write("switching to message " + messageId, c -> {
            Message message = loadMessage(c, messageId).orElseThrow(() -> new StoreException(
                    StoreException.Kind.NOT_FOUND, "message " + messageId + " no longer exists (it was deleted)"));
            long leaf;
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH RECURSIVE subtree (id) AS (
                        SELECT ?
                        UNION ALL
                        SELECT m.id FROM message m JOIN subtree s ON m.parent_id = s.id)
                    SELECT max(id) FROM subtree""")) {
                ps.setLong(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    leaf = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE conversation SET active_leaf_id = ? WHERE id = ?")) {
                ps.setLong(1, leaf);
                ps.setLong(2, message.conversationId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores what the user typed, as a complete message after the active leaf. */
    public Message addUserMessage(long conversationId, String text) {
        Objects.requireNonNull(text, "text");
        return db.write("saving your message in conversation " + conversationId, c -> insertMessage(c,
                conversationId, activeLeaf(c, conversationId), Role.USER, text, MessageStatus.COMPLETE, null, null));
    }

    /**
     * Stores what the user typed after {@code parentId} ({@code null}: as a first message), as the new active leaf.
     * Editing a question is this with the question's parent: the edit becomes a sibling of the original.
     */
    public Message addUserMessageAfter(long conversationId, Long parentId, String text) {
        Objects.requireNonNull(text, "text");
        return db.write("saving your message in conversation " + conversationId, c -> insertMessage(c,
                conversationId, parentId, Role.USER, text, MessageStatus.COMPLETE, null, null));
    }

    /** Creates the assistant message about to be streamed after the active leaf, empty and STREAMING. */
    public Message startAssistantMessage(long conversationId, String model, Sampling sampling) {
        return db.write("starting an answer in conversation " + conversationId, c -> insertMessage(c,
                conversationId, activeLeaf(c, conversationId), Role.ASSISTANT, "", MessageStatus.STREAMING, model,
                sampling));
    }

    /**
     * Creates the assistant message about to be streamed as the answer to {@code parentId}, empty and
     * {@link MessageStatus#STREAMING}, as the new active leaf. Regenerating is this with the old answer's parent.
     */
    public Message startAssistantMessageAfter(long conversationId, long parentId, String model, Sampling sampling) {
        return db.write("starting an answer in conversation " + conversationId, c -> insertMessage(c,
                conversationId, parentId, Role.ASSISTANT, "", MessageStatus.STREAMING, model, sampling));
    }

    /**
     * Saves the text streamed so far, replacing what was stored. Writing the whole text (not a delta) makes the call
     * idempotent and safe to retry after a failure; the status stays as it is.
     */
    public void saveProgress(long messageId, String answer, String thinking) {
        db.write("saving message " + messageId, c -> {
            long now = now();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE message SET answer = ?, thinking = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, answer == null ? "" : answer);
                ps.setString(2, thinking == null ? "" : thinking);
                ps.setLong(3, now);
                ps.setLong(4, messageId);
                requireOne(ps.executeUpdate(), "message " + messageId);
            }
            touchConversationOfMessage(c, messageId, now);
            return null;
        });
    }

    /** Writes the final state of a streamed message once generation ended. */
    public void finishAssistantMessage(long messageId, String answer, String thinking, Long thinkingMillis,
            boolean thinkingClosed, MessageStatus status, String error, GenerationStats stats) {
        Objects.requireNonNull(status, "status");
        if (status == MessageStatus.STREAMING) {
            throw new IllegalArgumentException("a finished message cannot be STREAMING");
        }
        GenerationStats s = stats == null ? GenerationStats.NONE : stats;
        db.write("saving message " + messageId, c -> {
            long now = now();
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE message SET answer = ?, thinking = ?, thinking_ms = ?, thinking_closed = ?, status = ?,
                           error = ?, prompt_tokens = ?, completion_tokens = ?, ttft_ms = ?, tokens_per_second = ?,
                           updated_at = ?
                    WHERE id = ?""")) {
                ps.setString(1, answer == null ? "" : answer);
                ps.setString(2, thinking == null ? "" : thinking);
                setLong(ps, 3, thinkingMillis);
                ps.setInt(4, thinkingClosed ? 1 : 0);
                ps.setString(5, status.wireName());
                ps.setString(6, error);
                setLong(ps, 7, s.promptTokens() == null ? null : s.promptTokens().longValue());
                setLong(ps, 8, s.completionTokens() == null ? null : s.completionTokens().longValue());
                setLong(ps, 9, s.timeToFirstTokenMillis());
                if (s.tokensPerSecond() == null) {
                    ps.setNull(10, Types.REAL);
                } else {
                    ps.setDouble(10, s.tokensPerSecond());
                }
                ps.setLong(11, now);
                ps.setLong(12, messageId);
                requireOne(ps.executeUpdate(), "message " + messageId);
            }
            touchConversationOfMessage(c, messageId, now);
            return null;
        });
    }

    /**
     * Run once at start: every message still {@link MessageStatus#STREAMING} was left by a crash or kill (no
     * generation survives a restart), so it becomes {@link MessageStatus#INCOMPLETE} with the text of its last save.
     * The conversations' {@code updated_at} is left alone: this is a repair, not new work.
     *
     * @return how many messages were marked
     */
    public int markInterruptedAsIncomplete() {
        return db.write("marking interrupted answers as incomplete", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE message SET status = 'incomplete', updated_at = ? WHERE status = 'streaming'")) {
                ps.setLong(1, now());
                return ps.executeUpdate();
            }
        });
    }

    // ---- search --------------------------------------------------------------------------------------------------

    /**
     * Full-text search over answers and thinking. Every word of {@code text} must occur (as a word prefix, so
     * "therm" finds "thermodynamics"); FTS5 operators are not interpreted, so any input is safe. Best matches first.
     */
    public List<SearchHit> search(String text, int limit) {
        String query = SearchQuery.toFts(text);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.read("searching messages", c -> {
            List<SearchHit> hits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT m.conversation_id, m.id, cv.title, snippet(message_fts, -1, '[', ']', '…', 12)
                    FROM message_fts
                    JOIN message m ON m.id = message_fts.rowid
                    JOIN conversation cv ON cv.id = m.conversation_id
                    WHERE message_fts MATCH ?
                    ORDER BY rank, m.id DESC
                    LIMIT ?""")) {
                ps.setString(1, query);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new SearchHit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return hits;
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Message insertMessage(Connection c, long conversationId, Long parent, Role role, String answer,
            MessageStatus status, String model, Sampling sampling) throws SQLException {
        if (loadConversation(c, conversationId).isEmpty()) {
            throw new StoreException(StoreException.Kind.NOT_FOUND,
                    "conversation " + conversationId + " no longer exists (it was deleted)");
        }
        if (parent != null && loadMessage(c, parent).filter(p -> p.conversationId() == conversationId).isEmpty()) {
            throw new StoreException(StoreException.Kind.NOT_FOUND,
                    "message " + parent + " is not in conversation " + conversationId
                            + ": it was deleted, or belongs to another conversation");
        }
        long now = now();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO message (conversation_id, parent_id, role, answer, status, model, sampling, created_at,
                                     updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, conversationId);
            setLong(ps, 2, parent);
            ps.setString(3, role.wireName());
            ps.setString(4, answer);
            ps.setString(5, status.wireName());
            ps.setString(6, model);
            ps.setString(7, sampling == null ? null : toJson(sampling));
            ps.setLong(8, now);
            ps.setLong(9, now);
            ps.executeUpdate();
        }
        long id = lastInsertId(c);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE conversation SET active_leaf_id = ?, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, now);
            ps.setLong(3, conversationId);
            ps.executeUpdate();
        }
        return loadMessage(c, id).orElseThrow();
    }

    /** The active leaf, or the newest message when none is set; {@code null} for an empty conversation. */
    private static Long activeLeaf(Connection c, long conversationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(active_leaf_id, (SELECT max(m.id) FROM message m WHERE m.conversation_id = ?1))
                FROM conversation WHERE id = ?1""")) {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long leaf = rs.getLong(1);
                return rs.wasNull() ? null : leaf;
            }
        }
    }

    /** Root to {@code leaf}, following parents. */
    private static List<Message> path(Connection c, long leaf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH RECURSIVE path (node, up, depth) AS (
                    SELECT id, parent_id, 0 FROM message WHERE id = ?
                    UNION ALL
                    SELECT m.id, m.parent_id, p.depth + 1 FROM message m JOIN path p ON m.id = p.up)
                SELECT\s""" + MESSAGE_COLUMNS
                + " FROM message JOIN path ON message.id = path.node ORDER BY depth DESC")) {
            ps.setLong(1, leaf);
            return messageList(ps);
        }
    }

    private static List<Message> messageList(PreparedStatement ps) throws SQLException {
        List<Message> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(message(rs));
            }
        }
        return list;
    }

    private static Optional<Conversation> loadConversation(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONVERSATION_SELECT + " WHERE c.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(conversation(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Message> loadMessage(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(message(rs)) : Optional.empty();
            }
        }
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6));
    }

    private static Message message(ResultSet rs) throws SQLException {
        Long promptTokens = getLong(rs, "prompt_tokens");
        Long completionTokens = getLong(rs, "completion_tokens");
        double tps = rs.getDouble("tokens_per_second");
        Double tokensPerSecond = rs.wasNull() ? null : tps;
        GenerationStats stats = new GenerationStats(
                promptTokens == null ? null : Math.toIntExact(promptTokens),
                completionTokens == null ? null : Math.toIntExact(completionTokens),
                getLong(rs, "ttft_ms"), tokensPerSecond);
        String sampling = rs.getString("sampling");
        return new Message(
                rs.getLong("id"),
                rs.getLong("conversation_id"),
                getLong(rs, "parent_id"),
                Role.fromWireName(rs.getString("role")),
                rs.getString("answer"),
                rs.getString("thinking"),
                getLong(rs, "thinking_ms"),
                rs.getInt("thinking_closed") != 0,
                MessageStatus.fromWireName(rs.getString("status")),
                rs.getString("error"),
                rs.getString("model"),
                sampling == null ? null : fromJson(sampling),
                stats,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static void touchConversationOfMessage(Connection c, long messageId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE conversation SET updated_at = ? WHERE id = (SELECT conversation_id FROM message WHERE id = ?)")) {
            ps.setLong(1, now);
            ps.setLong(2, messageId);
            ps.executeUpdate();
        }
    }

    private static void requireOne(int changed, String what) {
        if (changed == 0) {
            throw new StoreException(StoreException.Kind.NOT_FOUND, what + " no longer exists (it was deleted)");
        }
    }

    private static long lastInsertId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private long now() {
        return clock.millis();
    }

    private static String toJson(Sampling sampling) {
        try {
            return JSON.writeValueAsString(sampling);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write sampling " + sampling, e);
        }
    }

    private static Sampling fromJson(String json) {
        try {
            return JSON.readValue(json, Sampling.class);
        } catch (JsonProcessingException e) {
            // A damaged sampling column must not make the whole conversation unreadable.
            return null;
        }
    }
}
