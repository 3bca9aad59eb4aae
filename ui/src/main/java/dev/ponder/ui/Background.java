package dev.ponder.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The one place the UI runs work off the FX thread: the engine, the disk. Results and failures come back on the FX
 * thread, so view-models only ever change there.
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ponder-work-", 0).factory());

    /** Runs {@code work}, then {@code done} or {@code failed} on the FX thread; the task can be cancelled. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> done.accept(task.getValue()));
        task.setOnFailed(event -> {
            Throwable error = task.getException();
            LOG.debug("background work failed", error);
            failed.accept(error);
        });
        if (!submit(task)) {
            task.cancel(false);
        }
        return task;
    }

    /** Fire-and-forget work whose only result is a change the FX thread makes afterwards, if any. */
    public void execute(Runnable work) {
        submit(work);
    }

    /**
     * A reply that ends as the window closes still reports back and asks for more (a sidebar refresh): once closed,
     * such work is dropped, as the window and the database it would touch are going.
     */
    private boolean submit(Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                throw e;
            }
            LOG.debug("the window is closing: work submitted after it closed is dropped");
            return false;
        }
    }

    /** Runs {@code update} on the FX thread (immediately if already there). */
    public static void onFx(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    /** Lets work already started finish (a save, a delete) before the database closes. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
