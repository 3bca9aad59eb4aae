package dev.ponder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.ponder.engine.process.EngineProcess;

class EngineProcessTest extends EngineContract {

    private EngineProcess engine;

    @BeforeEach
    void start() {
        engine = EngineProcess.create(temp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @Test
    void killingTheChildMidStreamGivesEngineCrashedAndTheNextRequestRestartsIt() throws Exception {
        engine.load(settings());
        long firstPid = engine.pid().orElseThrow();
        StringBuilder partial = new StringBuilder();
        AtomicBoolean killed = new AtomicBoolean();
        EngineCrashed crash = assertThrows(EngineCrashed.class, () -> engine.complete(
                CompletionRequest.of("Once", Sampling.greedy(1_000_000)), text -> {
                    partial.append(text);
                    if (partial.length() > 40 && killed.compareAndSet(false, true)) {
                        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
                    }
                }));
        assertThat(crash).hasMessageContaining("SIGKILL").hasMessageContaining("restarts");
        assertThat(String.join("\n", crash.lastLogLines())).as("the child's last words").contains("llama");
        assertThat(partial.length()).as("text streamed before the kill stays with the caller").isGreaterThan(40);

        Generation next = engine.chat(List.of(ChatTurn.user("Hello again")), Sampling.greedy(10),
                TokenSink.discard());
        assertThat(next.completionTokens()).isPositive();
        assertThat(engine.pid()).isPresent().get().isNotEqualTo(firstPid);
        assertThat(engine.restarts()).isEqualTo(1);
        assertThat(engine.loaded()).as("the last model is loaded again").isPresent();
    }

    @Test
    void aChildKilledBetweenRequestsIsReplacedByTheNextOne() throws Exception {
        engine.load(settings());
        ProcessHandle child = ProcessHandle.of(engine.pid().orElseThrow()).orElseThrow();
        child.destroyForcibly();
        child.onExit().join();
        Generation next = engine.complete(CompletionRequest.of("Once", Sampling.greedy(5)), TokenSink.discard());
        assertThat(next.completionTokens()).isPositive();
        assertThat(engine.restarts()).isEqualTo(1);
    }

    @Test
    void anInterruptedCallerStopsItsGenerationAndLeavesTheEngineUsable() throws Exception {
        engine.load(settings());
        long pid = engine.pid().orElseThrow();
        Thread caller = Thread.currentThread();
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThrows(EngineException.class, () -> engine.complete(
                CompletionRequest.of("Once", Sampling.greedy(1_000_000)), text -> {
                    if (interrupted.compareAndSet(false, true)) {
                        caller.interrupt();
                    }
                }));
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();

        Generation next = engine.complete(CompletionRequest.of("Once", Sampling.greedy(5)), TokenSink.discard());
        assertThat(next.completionTokens()).isEqualTo(5);
        assertThat(engine.pid()).as("the same child serves on").contains(pid);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theChildIgnoresTheCtrlCThatATerminalSendsToTheWholeProcessGroup() throws Exception {
        engine.load(settings());
        long pid = engine.pid().orElseThrow();
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        Thread.sleep(300);

        assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive, "alive");
        assertThat(engine.complete(CompletionRequest.of("Once", Sampling.greedy(5)), TokenSink.discard())
                .completionTokens()).isEqualTo(5);
        assertThat(engine.restarts()).isZero();
    }

    @Test
    void closingFromAnotherThreadEndsARequestInFlightAtOnce() throws Exception {
        engine.load(settings());
        ProcessHandle child = ProcessHandle.of(engine.pid().orElseThrow()).orElseThrow();
        AtomicBoolean closed = new AtomicBoolean();

        assertThrows(EngineCrashed.class, () -> engine.complete(CompletionRequest.of("Once",
                Sampling.greedy(1_000_000)), text -> {
                    if (closed.compareAndSet(false, true)) {
                        Thread.ofPlatform().start(engine::close);
                    }
                }));

        child.onExit().get(5, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(engine.loaded()).isEmpty();
    }

    @Test
    void twoGenerationsRunSideBySideInTheChildsParallelSequences() throws Exception {
        engine.load(settings().withParallel(2).withContextSize(4096));
        java.util.concurrent.atomic.AtomicLong firstLastToken = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong secondFirstToken = new java.util.concurrent.atomic.AtomicLong();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> engine.complete(CompletionRequest.of("Once", Sampling.greedy(400)),
                    text -> firstLastToken.set(System.nanoTime())));
            var second = pool.submit(() -> engine.complete(CompletionRequest.of("The cat", Sampling.greedy(400)),
                    text -> secondFirstToken.compareAndSet(0, System.nanoTime())));
            assertThat(first.get(30, TimeUnit.SECONDS).completionTokens()).isEqualTo(400);
            assertThat(second.get(30, TimeUnit.SECONDS).completionTokens()).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(secondFirstToken.get()).as("the second began before the first ended")
                .isLessThan(firstLastToken.get());
        assertThat(engine.restarts()).isZero();
    }

    @Test
    void theChildExitsWhenClosed() throws Exception {
        engine.load(settings());
        ProcessHandle child = ProcessHandle.of(engine.pid().orElseThrow()).orElseThrow();
        engine.close();
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void theChildsHeapStaysUnderItsLimit() throws Exception {
        engine.load(settings());
        engine.complete(CompletionRequest.of("Once", Sampling.greedy(200)), TokenSink.discard());
        var status = engine.status();
        assertThat(status.heapMaxBytes()).isLessThanOrEqualTo(256L << 20);
        assertThat(status.heapUsedBytes()).isLessThan(status.heapMaxBytes());
    }
}
