package dev.ponder.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ponder.store.StoreException;

/**
 * Saves one streamed assistant message in batches. The engine thread appends tokens (a cheap in-memory append); a
 * timer writes the full text so far every {@link #DEFAULT_FLUSH_INTERVAL} when it changed. Writing per token would
 * mean a transaction per token; batching bounds both the cost and what a kill can lose (at most one interval of text).
 *
 * <p>A failed save (disk full, database locked) never stops the stream: the error is kept in {@link #lastError()}
 * for the UI, the text stays in memory, and the next flush or {@link #finish} tries again with the whole text.
 *
 * <p>Threads: one daemon timer thread per writer, stopped by {@link #finish} or {@link #close()}; being a daemon it
 * can never keep the app alive, even if a writer is abandoned.
 */
public final class StreamingMessageWriter implements AutoCloseable {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(StreamingMessageWriter.class);

    private final ChatRepository repository;
    private final long messageId;
    private final ScheduledExecutorService timer;

    // Guarded by "this": the text and a change counter. Held only for appends and snapshots, never during I/O,
    // so the engine thread is never blocked by a slow disk.
    private final StringBuilder answer = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private long version;
    private long savedVersion;

    // Serializes database writes, so a periodic flush can never land after the final write.
    private final ReentrantLock saveLock = new ReentrantLock();
    private boolean finished; // guarded by saveLock
    private FinalState pendingFinal; // guarded by saveLock: a finish that failed, retried by close()

    private volatile StoreException lastError;

    private record FinalState(Long thinkingMillis, boolean thinkingClosed, MessageStatus status, String error,
            GenerationStats stats) {
    }

    /** Starts saving message {@code messageId} (created by {@link ChatRepository#startAssistantMessage}) every 250 ms. */
    public StreamingMessageWriter(ChatRepository repository, long messageId) {
        this(repository, messageId, DEFAULT_FLUSH_INTERVAL);
    }

    public StreamingMessageWriter(ChatRepository repository, long messageId, Duration flushInterval) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.messageId = messageId;
        long periodMillis = Math.max(1, flushInterval.toMillis());
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon(true).name("ponder-save-message-" + messageId).factory());
        timer.scheduleWithFixedDelay(this::periodicFlush, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public long messageId() {
        return messageId;
    }

    /** Adds answer text; called from the engine thread per token. */
    public void appendAnswer(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        synchronized (this) {
            answer.append(text);
            version++;
        }
    }

    /** Adds thinking text; called from the engine thread per token. */
    public void appendThinking(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        synchronized (this) {
            thinking.append(text);
            version++;
        }
    }

    /** The answer text so far (in memory; may be ahead of the database). */
    public synchronized String answer() {
        return answer.toString();
    }

    /** The thinking text so far (in memory; may be ahead of the database). */
    public synchronized String thinking() {
        return thinking.toString();
    }

    /** Whether all text appended so far is in the database. */
    public synchronized boolean isSaved() {
        return version == savedVersion;
    }

    /**
     * The error of the latest save attempt, empty once a save succeeded again. The UI shows its message, e.g. "disk
     * full while saving message 12: free space in /x; the text so far is kept".
     */
    public Optional<StoreException> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Writes the text now if it changed since the last save. Normally the timer calls this; it never throws a
     * {@link StoreException}, which goes to {@link #lastError()} instead.
     *
     * @return whether the database now holds all text appended so far
     */
    public boolean flush() {
        saveLock.lock();
        try {
            if (finished) {
                return true;
            }
            String a;
            String t;
            long v;
            synchronized (this) {
                if (version == savedVersion) {
                    return true;
                }
                a = answer.toString();
                t = thinking.toString();
                v = version;
            }
            try {
                repository.saveProgress(messageId, a, t);
            } catch (StoreException e) {
                recordFailure(e);
                return false;
            }
            markSaved(v);
            return isSaved();
        } finally {
            saveLock.unlock();
        }
    }

    /**
     * Stops the timer and writes the final text and state once. If that write fails the {@link StoreException} is
     * thrown (and kept in {@link #lastError()}); the text stays in memory and calling {@code finish} again, or
     * {@link #close()}, retries.
     *
     * @param status COMPLETE, INCOMPLETE (stopped) or ERROR
     * @param error why it failed, for ERROR
     */
    public void finish(Long thinkingMillis, boolean thinkingClosed, MessageStatus status, String error,
            GenerationStats stats) {
        Objects.requireNonNull(status, "status");
        if (status == MessageStatus.STREAMING) {
            throw new IllegalArgumentException("finish needs a final status, not STREAMING");
        }
        timer.shutdown();
        saveLock.lock();
        try {
            if (finished) {
                throw new IllegalStateException("message " + messageId + " was already finished");
            }
            FinalState state = new FinalState(thinkingMillis, thinkingClosed, status, error, stats);
            pendingFinal = state;
            writeFinal(state);
        } finally {
            saveLock.unlock();
        }
    }

    /**
     * Stops the timer. If {@link #finish} was never called, or failed, the text is written once more with the final
     * state requested (or {@link MessageStatus#INCOMPLETE} when none was: the stream was abandoned). Never throws a
     * {@link StoreException}; a failure stays in {@link #lastError()}, and the row remains STREAMING with the text of
     * the last good save, to be marked incomplete at the next start.
     */
    @Override
    public void close() {
        timer.shutdown();
        saveLock.lock();
        try {
            if (finished) {
                return;
            }
            FinalState state = pendingFinal != null ? pendingFinal
                    : new FinalState(null, false, MessageStatus.INCOMPLETE, null, GenerationStats.NONE);
            try {
                writeFinal(state);
            } catch (StoreException e) {
                // Already recorded by writeFinal; close() must not hide the caller's own exception.
            }
        } finally {
            saveLock.unlock();
        }
    }

    private void writeFinal(FinalState state) {
        String a;
        String t;
        long v;
        synchronized (this) {
            a = answer.toString();
            t = thinking.toString();
            v = version;
        }
        try {
            repository.finishAssistantMessage(messageId, a, t, state.thinkingMillis(), state.thinkingClosed(),
                    state.status(), state.error(), state.stats());
        } catch (StoreException e) {
            recordFailure(e);
            throw e;
        }
        finished = true;
        pendingFinal = null;
        markSaved(v);
    }

    private void periodicFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Anything else (a bug) must not silently cancel the schedule; log it and keep trying.
            LOG.error("Unexpected failure saving message {}", messageId, e);
        }
    }

    private void markSaved(long v) {
        synchronized (this) {
            savedVersion = Math.max(savedVersion, v);
        }
        if (lastError != null) {
            LOG.info("Saving message {} works again", messageId);
            lastError = null;
        }
    }

    private void recordFailure(StoreException e) {
        StoreException previous = lastError;
        lastError = e;
        // Log each new problem once, not every 250 ms while it lasts.
        if (previous == null || previous.kind() != e.kind()) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
