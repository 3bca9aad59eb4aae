package dev.ponder.models;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Little-endian reads through a small window of the file. Models are many gigabytes, so nothing is read that is not
 * needed, and every length read from the file is checked against the bytes that remain before anything is allocated:
 * a corrupt count becomes a {@link GgufFormatException}, never an OutOfMemoryError.
 */
final class GgufReader {

    private static final int WINDOW = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).order(ByteOrder.LITTLE_ENDIAN).limit(0);
    private long windowStart;
    private String claim;

    GgufReader(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    long size() {
        return size;
    }

    long position() {
        return windowStart + window.position();
    }

    long remaining() {
        return size - position();
    }

    /** What the header promised, e.g. "the header says 12 tensors", so a truncation message can say what was lost. */
    void claim(String claim) {
        this.claim = claim;
    }

    GgufFormatException error(String problem) {
        return new GgufFormatException(file, problem);
    }

    GgufFormatException truncated(String what) {
        return error("is truncated: " + (claim == null ? "" : claim + ", but ")
                + "the file ends at byte " + size + " while reading " + what);
    }

    int u8(String what) throws GgufFormatException {
        require(1, what);
        return Byte.toUnsignedInt(window.get());
    }

    long u32(String what) throws GgufFormatException {
        require(4, what);
        return Integer.toUnsignedLong(window.getInt());
    }

    /** A 64-bit value; unsigned values of 2^63 and more come back negative, which callers reject as absurd. */
    long u64(String what) throws GgufFormatException {
        require(8, what);
        return window.getLong();
    }

    /** An integer of 1, 2, 4 or 8 bytes, sign-extended or not as its GGUF type says. */
    long integer(int width, boolean signed, String what) throws GgufFormatException {
        require(width, what);
        return switch (width) {
            case 1 -> signed ? window.get() : Byte.toUnsignedLong(window.get());
            case 2 -> signed ? window.getShort() : Short.toUnsignedLong(window.getShort());
            case 4 -> signed ? window.getInt() : Integer.toUnsignedLong(window.getInt());
            default -> window.getLong();
        };
    }

    void skip(long bytes, String what) throws GgufFormatException {
        if (bytes < 0 || bytes > remaining()) {
            throw truncated(what);
        }
        if (bytes <= window.remaining()) {
            window.position(window.position() + (int) bytes);
        } else {
            windowStart = position() + bytes;
            window.position(0).limit(0);
        }
    }

    /** Reads a length-prefixed string, refusing lengths beyond {@code max} or beyond the end of the file. */
    String string(String what, int max) throws GgufFormatException {
        long length = stringLength(what);
        if (length > max) {
            throw error("is corrupt: " + what + " is " + length + " bytes long, more than the " + max + " allowed");
        }
        byte[] bytes = new byte[(int) length];
        read(bytes, what);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skipString(String what) throws GgufFormatException {
        long length = stringLength(what);
        skip(length, what);
    }

    private long stringLength(String what) throws GgufFormatException {
        long length = u64("the length of " + what);
        if (length < 0 || length > remaining()) {
            throw error("is truncated or corrupt: " + what + " claims to be " + Long.toUnsignedString(length)
                    + " bytes long, but only " + remaining() + " bytes of the file remain after byte " + position());
        }
        return length;
    }

    private void read(byte[] into, String what) throws GgufFormatException {
        if (into.length <= WINDOW) {
            require(into.length, what);
            window.get(into);
            return;
        }
        // Longer than the window: read straight into the array, then leave the window empty at the new position.
        long start = position();
        fill(ByteBuffer.wrap(into), start, what);
        windowStart = start + into.length;
        window.position(0).limit(0);
    }

    private void require(int bytes, String what) throws GgufFormatException {
        if (window.remaining() >= bytes) {
            return;
        }
        if (remaining() < bytes) {
            throw truncated(what);
        }
        long start = position();
        window.clear();
        window.limit((int) Math.min(WINDOW, size - start));
        fill(window, start, what);
        window.flip();
        windowStart = start;
    }

    private void fill(ByteBuffer into, long at, String what) throws GgufFormatException {
        try {
            while (into.hasRemaining()) {
                int n = channel.read(into, at + into.position());
                if (n < 0) {
                    // The file shrank while being read, e.g. a download being replaced.
                    throw truncated(what);
                }
            }
        } catch (IOException e) {
            if (e instanceof GgufFormatException g) {
                throw g;
            }
            throw new GgufFormatException(file, "could not be read at byte " + at + ": " + e.getMessage(), e);
        }
    }
}
