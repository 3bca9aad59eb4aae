package dev.ponder.download;

/**
 * Told of a download's progress: on every change of state, and while bytes arrive at most about ten times a second.
 * Called on the download's own thread: a window hands the value over to its UI thread.
 */
@FunctionalInterface
public interface DownloadListener {

    void changed(DownloadProgress progress);
}
