package dev.ponder.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One file in the {@link DownloadQueue}: its progress, listeners and cancel. A view-model binds to it by adding a
 * listener; {@link #result()} completes with the verified file, or exceptionally with a {@link DownloadException}
 * (FAILED) or a {@link java.util.concurrent.CancellationException} (CANCELLED).
 */
public final class DownloadTask {

    private static final long REPORT_INTERVAL_NANOS = 100_000_000L;

    private final RemoteFile file;
    private final String expectedSha256;
    private final List<DownloadListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Path> result = new CompletableFuture<>();
    private final SpeedMeter speed = new SpeedMeter();
    private final AtomicReference<InputStream> openStream = new AtomicReference<>();
    private volatile DownloadProgress progress;
    private volatile boolean cancelled;
    private volatile Thread worker;
    private long lastReportNanos;

    DownloadTask(RemoteFile file, String expectedSha256) {
        this.file = file;
        this.expectedSha256 = expectedSha256;
        this.progress = DownloadProgress.queued(file);
    }

    public RemoteFile file() {
        return file;
    }

    /** The checksum a catalog promises for the file, checked against the host's; null when there is none. */
    public String expectedSha256() {
        return expectedSha256;
    }

    public DownloadProgress progress() {
        return progress;
    }

    public CompletableFuture<Path> result() {
        return result;
    }

    /** Listens from now on; the listener hears the current progress at once. */
    public void addListener(DownloadListener listener) {
        listeners.add(listener);
        listener.changed(progress);
    }

    public void removeListener(DownloadListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops the download within moments, even while the server sends nothing. The bytes already written stay in the
     * {@code .part} file, so downloading the same file again resumes there.
     */
    public void cancel() {
        cancelled = true;
        closeStream();
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
        if (progress.state() == DownloadState.QUEUED) {
            cancelledNow();
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    /** The download runs on the calling thread from now on; false when it was cancelled while queued. */
    boolean start() {
        worker = Thread.currentThread();
        return !cancelled;
    }

    void finish() {
        worker = null;
        Thread.interrupted(); // an interrupt from a late cancel must not leak into the pool's next task
    }

    void streamOpened(InputStream stream) {
        openStream.set(stream);
        if (cancelled) {
            closeStream();
        }
    }

    /** Ends a read that may be waiting on a silent server: it then fails with an IOException. */
    void closeStream() {
        InputStream stream = openStream.getAndSet(null);
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing is all that was wanted.
            }
        }
    }

    void state(DownloadState state, long bytesDone, long totalBytes) {
        if (state != DownloadState.DOWNLOADING) {
            speed.reset();
        }
        publish(new DownloadProgress(file, state, bytesDone, totalBytes, 0, null, null, null));
    }

    /** Bytes arrived; listeners hear of it at most ten times a second. */
    void bytes(long bytesDone, long totalBytes) {
        long now = System.nanoTime();
        speed.add(now, bytesDone);
        if (now - lastReportNanos >= REPORT_INTERVAL_NANOS || bytesDone == totalBytes) {
            lastReportNanos = now;
            long remaining = totalBytes < 0 ? -1 : totalBytes - bytesDone;
            publish(new DownloadProgress(file, DownloadState.DOWNLOADING, bytesDone, totalBytes,
                    speed.bytesPerSecond(), speed.timeLeft(remaining), null, null));
        }
    }

    void done(Path path, String note) {
        publish(progress.with(DownloadState.DONE, note, path));
        result.complete(path);
    }

    void failed(DownloadException e) {
        publish(progress.with(DownloadState.FAILED, e.getMessage(), null));
        result.completeExceptionally(e);
    }

    void cancelledNow() {
        if (progress.state().isFinal()) {
            return;
        }
        publish(progress.with(DownloadState.CANCELLED, "cancelled; downloading it again resumes where it stopped",
                null));
        result.cancel(false);
    }

    private synchronized void publish(DownloadProgress next) {
        if (progress.state().isFinal()) {
            return;
        }
        progress = next;
        for (DownloadListener listener : listeners) {
            listener.changed(next);
        }
    }
}
