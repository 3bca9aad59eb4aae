package dev.ponder.ui.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Ends JavaFX in order when the test session ends, before the JVM exits: a WebView still running when the JVM tears
 * down can abort the process after every test has passed (seen once as "Aborted" at the end of a run).
 */
public final class FxShutdown implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        CountDownLatch idle = new CountDownLatch(1);
        try {
            Platform.runLater(idle::countDown);
        } catch (IllegalStateException notStarted) {
            return;
        }
        try {
            // Let work already posted finish, then stop the toolkit and give its thread a moment to end.
            idle.await(5, TimeUnit.SECONDS);
            Platform.exit();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().contains("JavaFX Application Thread") || thread.getName().equals("Event Thread")) {
                    thread.join(3000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
