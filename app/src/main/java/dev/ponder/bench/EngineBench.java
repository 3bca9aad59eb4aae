package dev.ponder.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.ponder.engine.Backend;
import dev.ponder.engine.BackendChoice;
import dev.ponder.engine.BackendPlan;
import dev.ponder.engine.BackendPresence;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.engine.llama.LlamaEngine;
import dev.ponder.engine.llama.NativeVariants;
import dev.ponder.engine.process.EngineProcess;

/**
 * Runs the benchmark: for each thread count and mode, the time until a fresh engine is ready, then decode and cancel
 * runs on one warm engine. Every figure gets one unmeasured warm-up run first (page cache, JIT, the child's CDS
 * archive), then {@code runs} measured ones. Modes run one after the other, never at once, so that they do not share
 * the cores they are measured on.
 */
public final class EngineBench {

    /** Tokens streamed before a cancel: enough that decoding is in full swing, as when a user presses Stop. */
    static final int CANCEL_AFTER_TOKENS = 20;

    private final Path cacheRoot;
    private final NativeVariants variants;
    private final Consumer<String> progress;

    /**
     * @param cacheRoot where the native library is prepared, as for the app's engines
     * @param variants  the llama.cpp builds to choose from, as the app does
     * @param progress  receives a line as each phase starts (the CLI prints them to stderr)
     */
    public EngineBench(Path cacheRoot, NativeVariants variants, Consumer<String> progress) {
        this.cacheRoot = cacheRoot;
        this.variants = variants;
        this.progress = progress;
    }

    public BenchReport run(BenchSettings settings) throws EngineException {
        List<ModeResult> results = new ArrayList<>();
        for (int threads : settings.threads()) {
            for (Mode mode : settings.modes()) {
                results.add(measure(settings, mode, threads));
            }
        }
        return BenchReport.of(settings, ThreadDefaults.physicalCores(), ThreadDefaults.decodeThreads(), results);
    }

    private ModeResult measure(BenchSettings settings, Mode mode, int threads) throws EngineException {
        String what = mode.label() + ", " + threads + (threads == 1 ? " thread" : " threads");
        LoadSettings load = LoadSettings.defaults(settings.model()).withThreads(threads).withSeed(42)
                .withAcceleration(settings.acceleration());
        progress.accept(what + ": ready (a fresh " + (mode == Mode.CHILD ? "child and " : "") + "model each run)");
        Stats ready = repeat(settings.runs(), () -> readyMillis(mode, load));
        try (Engine engine = newEngine(mode, load)) {
            LoadedModel loaded = engine.load(load);
            progress.accept(what + ": on " + loaded.backend().summary());
            loaded.backend().fallbacks().forEach(line -> progress.accept(what + ": not used: " + line));
            progress.accept(what + ": decode, " + settings.tokens() + " tokens a run");
            CompletionRequest decode = CompletionRequest.of(settings.prompt(), Sampling.greedy(settings.tokens()));
            List<DecodeRun> decodes = new ArrayList<>();
            decode(engine, decode);
            for (int i = 0; i < settings.runs(); i++) {
                decodes.add(decode(engine, decode));
            }
            List<PromptResult> prompts = new ArrayList<>();
            for (int length : settings.promptTokens()) {
                progress.accept(what + ": a " + length + "-token prompt, processed anew each run");
                prompts.add(prompt(engine, length, settings.runs()));
            }
            progress.accept(what + ": cancel after " + CANCEL_AFTER_TOKENS + " tokens");
            // No token limit: the run must still be decoding when the cancel lands.
            CompletionRequest endless = CompletionRequest.of(settings.prompt(), Sampling.greedy(-1));
            Stats cancel = repeat(settings.runs(), () -> cancelMillis(engine, endless));
            ChildHeap heap = engine instanceof EngineProcess child ? heap(child) : null;
            return new ModeResult(mode, threads, ready,
                    Stats.of(decodes.stream().map(DecodeRun::firstTokenMillis).toList()),
                    Stats.of(decodes.stream().map(DecodeRun::tokensPerSecond).toList()),
                    Stats.of(decodes.stream().map(DecodeRun::engineTokensPerSecond).toList()),
                    decodes.getFirst().tokens(), cancel, heap, loaded.backend().summary() + ", prompts "
                            + loaded.backend().microBatch() + " tokens a micro-batch",
                    loaded.backend().gpuMemoryBytes() / (double) (1 << 20), prompts);
        }
    }

    /** One warm-up and {@code runs} measured runs of a fresh {@code length}-token prompt and one generated token. */
    private static PromptResult prompt(Engine engine, int length, int runs) throws EngineException {
        List<Double> millis = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        int tokens = 0;
        for (int run = 0; run <= runs; run++) {
            String text = PromptOfLength.build(engine, length, run);
            tokens = engine.countTokens(text);
            StreamTimer timer = new StreamTimer();
            engine.complete(CompletionRequest.of(text, Sampling.greedy(1)), timer);
            if (run > 0) {
                millis.add(timer.firstTokenMillis());
                rates.add(tokens / (timer.firstTokenMillis() / 1000));
            }
        }
        return new PromptResult(tokens, Stats.of(millis), Stats.of(rates));
    }

    /**
     * The child chooses among the builds as the app does. In-process, this JVM can load one build and fall back to
     * none: the backend forced with the settings, or the CPU's for {@link BackendChoice#AUTO}.
     */
    private Engine newEngine(Mode mode, LoadSettings load) throws EngineException {
        if (mode == Mode.CHILD) {
            return EngineProcess.create(cacheRoot, "256m", variants, BackendPresence.UNKNOWN);
        }
        BackendChoice choice = load.acceleration().backend();
        Backend backend = choice == BackendChoice.AUTO ? Backend.CPU
                : BackendPlan.of(choice, BackendPresence.UNKNOWN, variants.built()).order().getFirst();
        return new LlamaEngine(cacheRoot, variants.variant(backend).orElseThrow());
    }

    /** One warm-up, then {@code runs} measured samples. */
    private static Stats repeat(int runs, Measurement measurement) throws EngineException {
        measurement.millis();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(measurement.millis());
        }
        return Stats.of(samples);
    }

    /** A fresh engine until its model is loaded: for the child, the JVM start is part of what a user waits for. */
    private double readyMillis(Mode mode, LoadSettings load) throws EngineException {
        long start = System.nanoTime();
        try (Engine engine = newEngine(mode, load)) {
            engine.load(load);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static DecodeRun decode(Engine engine, CompletionRequest request) throws EngineException {
        StreamTimer timer = new StreamTimer();
        Generation generation = engine.complete(request, timer);
        return new DecodeRun(timer.tokens(), timer.firstTokenMillis(), timer.tokensPerSecond(),
                generation.tokensPerSecond());
    }

    /**
     * Cancels from another thread, as the UI does, once {@link #CANCEL_AFTER_TOKENS} tokens have arrived; the latency
     * runs from the {@code cancel()} call until the generating call returns.
     */
    private static double cancelMillis(Engine engine, CompletionRequest request) throws EngineException {
        CountDownLatch reached = new CountDownLatch(1);
        AtomicInteger tokens = new AtomicInteger();
        AtomicLong cancelledAt = new AtomicLong();
        Thread canceller = Thread.ofPlatform().name("bench-cancel").daemon().start(() -> {
            try {
                reached.await();
                cancelledAt.set(System.nanoTime());
                engine.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Generation generation;
        try {
            generation = engine.complete(request, text -> {
                if (tokens.incrementAndGet() == CANCEL_AFTER_TOKENS) {
                    reached.countDown();
                }
            });
        } finally {
            // The canceller waits for a token count the run never reached: release it.
            if (reached.getCount() > 0) {
                canceller.interrupt();
            }
        }
        long returned = System.nanoTime();
        join(canceller);
        if (generation.stopReason() != StopReason.CANCELLED) {
            throw new EngineException(String.format(Locale.ROOT, "the cancel run ended by itself (%s after %d "
                    + "tokens) before it could be cancelled", generation.stopReason(), tokens.get()));
        }
        return (returned - cancelledAt.get()) / 1e6;
    }

    private static void join(Thread thread) throws EngineException {
        try {
            if (!thread.join(Duration.ofSeconds(5))) {
                throw new EngineException("the cancelling thread did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
    }

    private static ChildHeap heap(EngineProcess child) throws EngineException {
        var status = child.status();
        return ChildHeap.ofBytes(status.heapUsedBytes(), status.heapCommittedBytes(), status.heapMaxBytes());
    }

    @FunctionalInterface
    private interface Measurement {
        double millis() throws EngineException;
    }

    private record DecodeRun(int tokens, double firstTokenMillis, double tokensPerSecond,
                             double engineTokensPerSecond) {
    }
}
