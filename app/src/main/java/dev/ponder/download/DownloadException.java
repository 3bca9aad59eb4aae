package dev.ponder.download;

import java.io.IOException;

/** A download that cannot go on; the message says why and what the user can do. */
public final class DownloadException extends IOException {

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
