package dev.ponder.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 on a thread of its own, so that hashing (about 1 GB/s in Java) overlaps the transfer instead of adding to
 * it. Buffers go round between the downloading thread, which fills them, and the hashing thread, which empties
 * them; a few are in flight at most, so memory stays bounded.
 */
final class Hasher implements AutoCloseable {

    static final int BUFFER = 1 << 20;
    private static final int BUFFERS = 4;

    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk STOP = new Chunk(new byte[0], 0);

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread thread;
    private volatile MessageDigest digest = sha256(); // replaced only while the hashing thread is idle
    private volatile Throwable failure;

    Hasher() {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        thread = Thread.ofPlatform().daemon().name("download-hash").start(this::run);
    }

    /** An empty buffer to read into; waits while all are being hashed. */
    byte[] buffer() throws InterruptedException {
        return free.take();
    }

    /** Hashes the first {@code length} bytes of a buffer from {@link #buffer()}, and gives it back afterwards. */
    void hash(byte[] buffer, int length) throws InterruptedException {
        full.put(new Chunk(buffer, length));
    }

    /** Returns a buffer unused. */
    void giveBack(byte[] buffer) {
        free.add(buffer);
    }

    /** Waits until everything handed over is hashed. */
    void drain() throws InterruptedException {
        while (free.remainingCapacity() > 0 || !full.isEmpty()) {
            if (failure != null) {
                throw new IllegalStateException("hashing failed", failure);
            }
            Thread.sleep(0, 200_000);
        }
    }

    /** Starts over: what was hashed is forgotten. */
    void reset() throws InterruptedException {
        drain();
        digest = sha256();
    }

    /** The SHA-256 of everything hashed, in hex; the hasher starts over after it. */
    String hex() throws InterruptedException {
        drain();
        String hex = HexFormat.of().formatHex(digest.digest());
        digest = sha256();
        return hex;
    }

    /** Hashes bytes at once, on the calling thread (what an earlier attempt left on disk). */
    void hashNow(java.nio.ByteBuffer bytes) throws InterruptedException {
        drain();
        digest.update(bytes);
    }

    private void run() {
        try {
            while (true) {
                Chunk chunk = full.take();
                if (chunk == STOP) {
                    return;
                }
                try {
                    digest.update(chunk.bytes(), 0, chunk.length());
                } finally {
                    free.add(chunk.bytes());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    @Override
    public void close() {
        full.clear();
        full.offer(STOP);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
