package dev.ponder.store;

/**
 * A storage failure, already worded for the user: what went wrong, which file, and what to do next.
 * Unchecked because callers rarely can recover locally; the UI shows {@link #getMessage()} as it is.
 * {@link #kind()} lets code react (for example, keep text in memory and retry after {@link Kind#DISK_FULL}).
 */
public final class StoreException extends RuntimeException {

    /** What kind of failure, so callers can decide to retry, ask the user, or give up. */
    public enum Kind {
        /** No space left on the device; free space and retry. */
        DISK_FULL,
        /** Another process (usually another Ponder) holds the database lock. */
        LOCKED,
        /** The file is not an SQLite database, not Ponder's, or is damaged. */
        CORRUPT,
        /** The file or folder cannot be opened or created. */
        CANNOT_OPEN,
        /** The file or its folder is not writable. */
        READ_ONLY,
        /** The database was written by a newer Ponder with a schema this one does not know. */
        TOO_NEW,
        /** A conversation or message that no longer exists (for example, deleted while streaming). */
        NOT_FOUND,
        /** The database was already closed. */
        CLOSED,
        /** Anything else (I/O errors, bugs). */
        OTHER
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
