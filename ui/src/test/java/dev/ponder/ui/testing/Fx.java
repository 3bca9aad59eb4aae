package dev.ponder.ui.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** For view-model tests: the toolkit started, work run on the FX thread, and waits for what it changes there. */
public final class Fx {

    private Fx() {
    }

    /** Starts JavaFX, which view-models' background work reports back through. */
    public static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public static <T> T call(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    public static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until it holds. */
    public static void await(Duration timeout, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> call(condition));
    }
}
