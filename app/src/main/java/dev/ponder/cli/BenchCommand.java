package dev.ponder.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.ponder.bench.BenchReport;
import dev.ponder.bench.BenchSettings;
import dev.ponder.bench.EngineBench;
import dev.ponder.bench.Mode;
import dev.ponder.bench.ReportTable;
import dev.ponder.engine.ModelLoadException;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.llama.NativeVariants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ponder bench}: decode speed, time to first token, readiness and cancel latency, in-process and through the
 * engine child, so that the cost of the child and the thread default are measured rather than assumed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a GGUF model in-process and through the engine child process: time until a fresh "
                + "engine is ready, time to first token, decode tokens/s, cancel latency and the child's Java heap.",
                "Progress goes to stderr while it runs; the result is printed to stdout once, after all runs, so "
                        + "`ponder bench ... --json > bench.json` gives a clean file: llama.cpp's own log, which "
                        + "the in-process engine cannot silence, goes to stderr with the progress lines."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF model file.")
    Path model;

    @Option(names = "--tokens", paramLabel = "N", description = "Tokens generated per decode run (default: "
            + "${DEFAULT-VALUE}; small models decode thousands a second, and shorter runs are too short to time "
            + "well).")
    int tokens = BenchSettings.DEFAULT_TOKENS;

    @Option(names = "--runs", paramLabel = "R", description = "Measured runs per figure, after one warm-up run "
            + "(default: ${DEFAULT-VALUE}).")
    int runs = BenchSettings.DEFAULT_RUNS;

    @Option(names = "--threads", split = ",", paramLabel = "LIST", description = "Thread counts to compare, e.g. "
            + "1,2 (default: the count the app itself uses on this machine).")
    List<Integer> threads;

    @Option(names = "--mode", paramLabel = "MODE", description = "in-process, child or both (default: "
            + "${DEFAULT-VALUE}). In-process loads the build of the backend given with --backend, or the CPU's for "
            + "auto: one process cannot fall back from one build to another.")
    String mode = "both";

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt (default: ${DEFAULT-VALUE}).")
    String prompt = BenchSettings.DEFAULT_PROMPT;

    @Option(names = "--prompt-tokens", split = ",", paramLabel = "LIST", description = "Prompt lengths whose "
            + "processing is timed, each prompt fresh (nothing cached), e.g. 512,1000 (default: "
            + BenchSettings.DEFAULT_PROMPT_TOKENS + ", llama-bench's pp512).")
    List<Integer> promptTokens;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @Mixin
    AccelerationOptions acceleration;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) {
            System.err.println("ponder: there is no model file at " + model);
            return PonderCli.BAD_INPUT;
        }
        BenchSettings settings;
        try {
            settings = new BenchSettings(model, prompt, tokens, runs,
                    threads != null ? threads : List.of(ThreadDefaults.decodeThreads()), modes(mode),
                    acceleration.acceleration(),
                    promptTokens != null ? promptTokens : List.of(BenchSettings.DEFAULT_PROMPT_TOKENS));
        } catch (IllegalArgumentException e) {
            System.err.println("ponder: " + e.getMessage());
            return PonderCli.BAD_INPUT;
        }
        BenchReport report;
        try {
            report = new EngineBench(NativeLibrary.defaultCacheRoot(), NativeVariants.fromSystemProperty(),
                    line -> System.err.println("bench: " + line)).run(settings);
        } catch (ModelLoadException e) {
            System.err.println("ponder: " + e.getMessage());
            return PonderCli.BAD_INPUT;
        }
        System.out.print(json ? Json.write(report) + System.lineSeparator() : ReportTable.render(report));
        System.out.flush();
        return 0;
    }

    static List<Mode> modes(String option) {
        return option.equals("both") ? List.of(Mode.IN_PROCESS, Mode.CHILD) : List.of(Mode.fromLabel(option));
    }
}
