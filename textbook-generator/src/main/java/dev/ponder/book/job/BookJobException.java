package dev.ponder.book.job;

/** A book job stopped; the message says why and what to do (usually: fix it, then {@code ponder book resume}). */
public class BookJobException extends RuntimeException {

    public BookJobException(String message) {
        super(message);
    }

    public BookJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
