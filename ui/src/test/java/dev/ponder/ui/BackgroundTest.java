package dev.ponder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ponder.ui.testing.Fx;

class BackgroundTest {

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @Test
    void workAskedForAfterTheWindowClosedIsDroppedNotThrown() throws Exception {
        Background background = new Background();
        background.close();
        AtomicBoolean ran = new AtomicBoolean();

        var task = Fx.call(() -> background.run(() -> ran.getAndSet(true), value -> ran.set(true), error -> {
        }));
        Fx.run(() -> background.execute(() -> ran.set(true)));

        assertThat(task.isCancelled()).isTrue();
        assertThat(ran).isFalse();
    }
}
