package dev.ponder.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.book.job.BookJob;
import dev.ponder.book.job.BookJobException;
import dev.ponder.book.job.BookOptions;
import dev.ponder.book.job.JobStore;
import dev.ponder.book.job.StepRecord;
import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Generation;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.TokenSink;
import dev.ponder.engine.remote.RemoteEndpoint;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.testing.LlamaServer;
import dev.ponder.testing.SharedModel;

/**
 * The remote engine's figures against a real llama-server on stories260K, printed as tables; nothing is asserted.
 * Opt-in, with a llama-server binary (see {@link LlamaServer}):
 * <pre>
 * PONDER_LLAMA_SERVER=native/target/cpu/llama-server ./mvnw -B -pl src-test -am test -Dtest=RemoteBenchmark \
 *     -Dponder.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The tables are in {@code src-test/target/surefire-reports/dev.ponder.bench.RemoteBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "ponder.bench", matches = "true")
class RemoteBenchmark {

    private static final int CONTEXT_PER_SLOT = 2048;
    private static final int OVERHEAD_TOKENS = 1500;
    private static final int RUNS = 5;
    private static final int BOOK_CHAPTERS = 8;

    @TempDir
    Path dir;

    @Test
    void overheadAndParallelThroughput() throws Exception {
        Path model = SharedModel.stories260K();
        System.out.println();
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; llama-server (b4980, "
                + "native/ cpu build), 1 thread, stories260K, context " + CONTEXT_PER_SLOT + " a slot");
        overhead(model);
        parallel(model);
    }

    /** Decode speed as the client sees it (tokens after the first over the time since the first) vs the server's. */
    private static void overhead(Path model) throws Exception {
        System.out.println();
        System.out.println("Remote path overhead: " + OVERHEAD_TOKENS + " greedy tokens a run, 1 slot");
        System.out.printf("%-11s %4s %7s %12s %12s %7s%n", "request", "run", "tokens", "client t/s", "server t/s",
                "ratio");
        try (LlamaServer server = LlamaServer.start(model, 1, CONTEXT_PER_SLOT, "--no-context-shift");
             RemoteEngine engine = connect(server, 1)) {
            for (String kind : List.of("completion", "chat")) {
                double[] ratios = new double[RUNS];
                for (int run = 0; run <= RUNS; run++) { // run 0 warms up
                    StreamTimer timer = new StreamTimer(); // times tokens where they arrive
                    Sampling sampling = Sampling.greedy(OVERHEAD_TOKENS);
                    Generation generation = kind.equals("chat")
                            ? engine.chat(List.of(ChatTurn.user("Tell me a story")), sampling, timer)
                            : engine.complete(CompletionRequest.of("Once upon a time", sampling), timer);
                    if (run == 0) {
                        continue;
                    }
                    double client = timer.tokensPerSecond();
                    double serverRate = generation.tokensPerSecond(); // llama-server's timings.predicted_per_second
                    ratios[run - 1] = client / serverRate;
                    System.out.printf(Locale.ROOT, "%-11s %4d %7d %12.0f %12.0f %6.1f%%%n", kind, run, timer.tokens(),
                            client, serverRate, 100 * client / serverRate);
                }
                Arrays.sort(ratios);
                System.out.printf(Locale.ROOT, "%-11s median ratio %.1f%%%n", kind, 100 * ratios[RUNS / 2]);
            }
        }
    }

    /** N requests at once against N slots: raw decode throughput, then a book's wall time. */
    private void parallel(Path model) throws Exception {
        System.out.println();
        System.out.println("N parallel requests against llama-server with N slots (--parallel N)");
        System.out.printf("%3s %14s %7s %11s %11s %11s %8s %9s %7s %13s%n", "N", "aggregate t/s", "vs N=1",
                "book wall s", "chapters s", "book tokens", "resumes", "book t/s", "vs N=1", "lone req t/s");
        double singleRate = 0;
        double singleBook = 0;
        for (int n : new int[] {1, 2, 4}) {
            try (LlamaServer server = LlamaServer.start(model, n, CONTEXT_PER_SLOT, "--no-context-shift");
                 RemoteEngine engine = connect(server, n)) {
                double rate = aggregate(engine, n);
                BookRun book = book(engine, n);
                // One request alone on the server the book has filled: the decode speed every step had by the end.
                double lone = engine.complete(CompletionRequest.of("Once upon a time",
                        Sampling.greedy(256)), TokenSink.discard()).tokensPerSecond();
                singleRate = n == 1 ? rate : singleRate;
                singleBook = n == 1 ? book.perSecond() : singleBook;
                System.out.printf(Locale.ROOT, "%3d %14.0f %6.2fx %11.1f %11.1f %11d %8d %9.0f %6.2fx %13.0f%n", n,
                        rate, rate / singleRate, book.seconds(), book.chapterSeconds(), book.tokens(),
                        book.resumes(), book.perSecond(), book.perSecond() / singleBook, lone);
            }
        }
        System.out.println("(book: a " + BOOK_CHAPTERS + "-chapter brief, seed 7; tokens are all the replies' "
                + "tokens, rejected ones included; a step a tiny model fails three times is resumed, as a user would)");
    }

    private static RemoteEngine connect(LlamaServer server, int parallel) throws Exception {
        return RemoteEngine.connect(new RemoteEndpoint(server.root(), "stories260K", parallel, null));
    }

    private static double aggregate(RemoteEngine engine, int n) throws Exception {
        run(engine, n); // warm-up
        long start = System.nanoTime();
        int tokens = run(engine, n);
        return tokens / ((System.nanoTime() - start) / 1e9);
    }

    private static int run(RemoteEngine engine, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            return BookBenchmark.run(engine, n, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @param chapterSeconds from the first chapter step's start to the last one's end: the parallel phase */
    private record BookRun(double seconds, double chapterSeconds, int tokens, int resumes) {
        double perSecond() {
            return tokens / seconds;
        }
    }

    /** The tiny test brief widened to {@value #BOOK_CHAPTERS} chapters, written with {@code n} chapters at once. */
    private BookRun book(RemoteEngine engine, int n) throws Exception {
        Path brief = Path.of(System.getProperty("ponder.root"), "textbook-generator", "src", "test", "resources",
                "dev", "ponder", "book", "brief", "tiny-brief.yaml");
        Path book = Files.createDirectories(dir.resolve("book-" + n));
        Files.writeString(book.resolve(BookJob.BRIEF_FILE), Files.readString(brief)
                .replaceFirst("(?m)^chapters: \\d+", "chapters: " + BOOK_CHAPTERS)
                .replaceFirst("(?m)^conceptTarget: \\d+", "conceptTarget: " + 3 * BOOK_CHAPTERS));
        BookOptions options = BookOptions.defaults().withSeed(7).ignoringBriefScore(true);
        long start = System.nanoTime();
        int resumes = 0;
        while (true) {
            try {
                new BookJob(book, engine, options, step -> { }).run();
                break;
            } catch (BookJobException e) {
                if (++resumes > 8) {
                    throw e;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (JobStore store = JobStore.open(book)) {
            List<StepRecord> steps = store.all();
            List<StepRecord> chapters = steps.stream().filter(step -> step.name().startsWith("chapter-")).toList();
            long from = chapters.stream().mapToLong(step -> step.finishedAt().toEpochMilli() - step.millis()).min()
                    .orElse(0);
            long to = chapters.stream().mapToLong(step -> step.finishedAt().toEpochMilli()).max().orElse(0);
            return new BookRun(seconds, (to - from) / 1000.0, steps.stream().mapToInt(StepRecord::tokens).sum(),
                    resumes);
        }
    }
}
