package dev.ponder.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.book.job.JobStore;
import dev.ponder.book.job.StepRecord;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.TokenSink;
import dev.ponder.engine.llama.LlamaEngine;
import dev.ponder.testing.SharedModel;
import dev.ponder.ui.Main;

/**
 * The textbook generator's figures, printed as tables; nothing is asserted. Opt-in:
 * <pre>
 * ./mvnw -B -pl src-test -am test -Dtest=BookBenchmark -Dponder.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The tables are in {@code src-test/target/surefire-reports/dev.ponder.bench.BookBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "ponder.bench", matches = "true")
class BookBenchmark {

    private static final int TOKENS_PER_SEQUENCE = 256;

    @TempDir
    Path dir;

    @Test
    void parallelSequencesAndTheSampleBook() throws Exception {
        Path model = SharedModel.stories260K();
        System.out.println();
        System.out.println("Aggregate decode with N parallel sequences (llama.cpp slots), stories260K, CPU, "
                + Runtime.getRuntime().availableProcessors() + " cores, 1 thread, " + TOKENS_PER_SEQUENCE
                + " tokens each");
        System.out.printf("%3s %12s %10s%n", "N", "tokens/s", "vs N=1");
        double single = 0;
        for (int n : new int[] {1, 2, 4}) {
            double rate = aggregateRate(model, n);
            single = n == 1 ? rate : single;
            System.out.printf(Locale.ROOT, "%3d %12.0f %9.2fx%n", n, rate, rate / single);
        }
        tinyBookWallTime(model);
        sampleBook(model);
    }

    /** The three-chapter test brief, in-process, with chapters in 1 and 2 parallel sequences. */
    private void tinyBookWallTime(Path model) throws Exception {
        Path brief = Path.of(System.getProperty("ponder.root"), "textbook-generator", "src", "test", "resources",
                "dev", "ponder", "book", "brief", "tiny-brief.yaml");
        System.out.println();
        System.out.printf("%-40s %10s%n", "tiny brief (3 chapters), in-process", "seconds");
        for (int sequences : new int[] {1, 2}) {
            Path book = dir.resolve("tiny-" + sequences);
            Files.createDirectories(book);
            Files.copy(brief, book.resolve(dev.ponder.book.job.BookJob.BRIEF_FILE));
            try (LlamaEngine engine = new LlamaEngine(dir.resolve("cache"))) {
                engine.load(LoadSettings.defaults(model).withThreads(1).withSeed(7).withParallel(sequences)
                        .withContextSize(2048 * sequences));
                long start = System.nanoTime();
                new dev.ponder.book.job.BookJob(book, engine, dev.ponder.book.job.BookOptions.defaults().withSeed(7),
                        step -> { }).run();
                System.out.printf(Locale.ROOT, "%-40s %10.2f%n", sequences + " parallel sequence(s)",
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private double aggregateRate(Path model, int sequences) throws Exception {
        try (LlamaEngine engine = new LlamaEngine(dir.resolve("cache"))) {
            engine.load(LoadSettings.defaults(model).withThreads(1).withParallel(sequences)
                    .withContextSize(2048 * sequences).withSeed(1));
            run(engine, sequences);
            ExecutorService pool = Executors.newFixedThreadPool(sequences);
            try {
                long start = System.nanoTime();
                int tokens = run(engine, sequences, pool);
                return tokens / ((System.nanoTime() - start) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void run(LlamaEngine engine, int sequences) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sequences);
        try {
            run(engine, sequences, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code sequences} greedy completions at once, each {@value #TOKENS_PER_SEQUENCE} tokens; the tokens made. */
    static int run(Engine engine, int sequences, ExecutorService pool) throws Exception {
        List<Callable<Generation>> work = new ArrayList<>();
        for (int i = 0; i < sequences; i++) {
            String prompt = "Once upon a time, story " + i;
            work.add(() -> engine.complete(CompletionRequest.of(prompt, Sampling.greedy(TOKENS_PER_SEQUENCE)),
                    TokenSink.discard()));
        }
        int tokens = 0;
        for (Future<Generation> done : pool.invokeAll(work)) {
            tokens += done.get().completionTokens();
        }
        return tokens;
    }

    /** The sample brief through ponder book new, in its own process as a user runs it: time, tokens, memory. */
    private void sampleBook(Path model) throws Exception {
        Path brief = Path.of(System.getProperty("ponder.root"), "textbook-generator", "briefs", "intro-to-ai.yaml");
        Path book = dir.resolve("book");
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "book");
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("new", "--brief", brief.toString(), "--model", model.toString(), "--out", book.toString(),
                "--threads", "1", "--seed", "7"));
        // A tiny model's reply sometimes never passes a check; the user's answer is resume, so the benchmark's too.
        for (int i = 0; i < 5; i++) {
            runs.add(List.of("resume", book.toString()));
        }
        long start = System.nanoTime();
        long peakJob = 0;
        long peakEngine = 0;
        int exit = -1;
        int resumes = -1;
        for (List<String> run : runs) {
            List<String> command = new ArrayList<>(java);
            command.addAll(run);
            Process job = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("book.log").toFile())).start();
            while (!job.waitFor(200, TimeUnit.MILLISECONDS)) {
                peakJob = Math.max(peakJob, rssKb(job.pid()));
                for (ProcessHandle child : job.toHandle().children().toList()) {
                    peakEngine = Math.max(peakEngine, rssKb(child.pid()));
                }
            }
            exit = job.exitValue();
            resumes++;
            if (exit == 0) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println();
        System.out.println("Sample brief (intro-to-ai.yaml) on stories260K: exit " + exit + " after " + resumes
                + " resume(s)" + String.format(Locale.ROOT, ", %.1f s wall in all", seconds));
        try (JobStore store = JobStore.open(book)) {
            List<StepRecord> steps = store.all();
            System.out.printf("%-22s %8s %8s %8s%n", "step", "attempts", "tokens", "seconds");
            long chapterTokens = 0;
            double chapterSeconds = 0;
            int chapters = 0;
            for (StepRecord step : steps) {
                System.out.printf(Locale.ROOT, "%-22s %8d %8d %8.2f%n", step.name(), step.attempts(), step.tokens(),
                        step.millis() / 1000.0);
                if (step.name().startsWith("chapter-")) {
                    chapterTokens += step.tokens();
                    chapterSeconds += step.millis() / 1000.0;
                    chapters = Math.max(chapters, Integer.parseInt(step.name().substring(8, 10)));
                }
            }
            System.out.printf(Locale.ROOT, "per chapter (text + exercises + quiz): %.0f tokens, %.2f s%n",
                    chapterTokens / (double) Math.max(1, chapters), chapterSeconds / Math.max(1, chapters));
        }
        System.out.printf(Locale.ROOT, "peak RSS: job process %.0f MB, engine child %.0f MB%n", peakJob / 1024.0,
                peakEngine / 1024.0);
        System.out.println("site written: " + Files.exists(book.resolve("mkdocs.yml")));
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            // The process ended between two samples.
        }
        return 0;
    }
}
