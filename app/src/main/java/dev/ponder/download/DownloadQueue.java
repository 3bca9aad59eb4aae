package dev.ponder.download;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Downloads waiting their turn: a few at a time (one by default, which is fastest on one connection), each with its
 * own progress and cancel. What a Models view binds to: {@link #tasks()} and a listener for new ones.
 */
public final class DownloadQueue implements AutoCloseable {

    private final Downloader downloader;
    private final Path folder;
    private final ExecutorService workers;
    private final List<DownloadTask> tasks = new CopyOnWriteArrayList<>();
    private final List<Consumer<DownloadTask>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param folder   where finished models go
     * @param parallel downloads at once
     */
    public DownloadQueue(Downloader downloader, Path folder, int parallel) {
        this.downloader = downloader;
        this.folder = folder.toAbsolutePath().normalize();
        this.workers = Executors.newFixedThreadPool(parallel, Thread.ofPlatform().daemon().name("download-", 1)
                .factory());
    }

    public Path folder() {
        return folder;
    }

    /**
     * Queues {@code file}; the same file already waiting or running is not queued twice, its task is returned.
     *
     * @param expectedSha256 the checksum a catalog lists for the file, or null to trust the host's alone
     */
    public synchronized DownloadTask enqueue(RemoteFile file, String expectedSha256) {
        for (DownloadTask task : tasks) {
            if (task.file().equals(file) && !task.progress().state().isFinal()) {
                return task;
            }
        }
        DownloadTask task = new DownloadTask(file, expectedSha256);
        tasks.add(task);
        listeners.forEach(listener -> listener.accept(task));
        workers.execute(() -> downloader.run(task, folder));
        return task;
    }

    /** Every download since the queue began, in the order queued. */
    public List<DownloadTask> tasks() {
        return new ArrayList<>(tasks);
    }

    /** Told of every task queued from now on. */
    public void addListener(Consumer<DownloadTask> listener) {
        listeners.add(listener);
    }

    /** Cancels what is queued or running. */
    @Override
    public void close() {
        tasks.forEach(DownloadTask::cancel);
        workers.shutdownNow();
    }
}
