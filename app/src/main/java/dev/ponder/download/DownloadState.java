package dev.ponder.download;

/** Where a download is. DONE, FAILED and CANCELLED are final. */
public enum DownloadState {
    QUEUED,
    /** Asking the host for the file's size and checksum. */
    CONNECTING,
    DOWNLOADING,
    /** Hashing what an earlier attempt left, or checking the finished file. */
    VERIFYING,
    DONE,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
