package dev.ponder.download;

import java.time.Duration;

/**
 * Drops a connection that has brought nothing for a while: Java's HTTP client has no read timeout for a streamed body,
 * and a server that stops sending without closing would otherwise hold a download forever.
 */
final class Watchdog {

    private final DownloadTask task;
    private final long timeoutNanos;
    private final Thread thread;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stopped;

    private Watchdog(DownloadTask task, Duration timeout) {
        this.task = task;
        this.timeoutNanos = timeout.toNanos();
        this.thread = Thread.ofVirtual().name("download-watchdog").unstarted(this::watch);
    }

    static Watchdog start(DownloadTask task, Duration timeout) {
        Watchdog watchdog = new Watchdog(task, timeout);
        watchdog.thread.start();
        return watchdog;
    }

    void progress() {
        lastProgress = System.nanoTime();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void watch() {
        long step = Math.max(1, timeoutNanos / 4 / 1_000_000);
        while (!stopped) {
            try {
                Thread.sleep(step);
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() - lastProgress > timeoutNanos) {
                task.closeStream();
                return;
            }
        }
    }
}
