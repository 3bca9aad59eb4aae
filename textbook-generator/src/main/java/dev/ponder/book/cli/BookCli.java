package dev.ponder.book.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.book.brief.BriefFiles;
import dev.ponder.book.brief.BriefScore;
import dev.ponder.book.brief.CourseBrief;
import dev.ponder.book.graph.GraphChecks;
import dev.ponder.book.graph.GraphReport;
import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.book.job.BookEngine;
import dev.ponder.book.job.BookFolder;
import dev.ponder.book.job.BookJob;
import dev.ponder.book.job.BookJobException;
import dev.ponder.book.job.BookOptions;
import dev.ponder.book.job.JobSettings;
import dev.ponder.book.job.JobStore;
import dev.ponder.book.job.StepRecord;
import dev.ponder.book.site.MkDocsBuild;
import dev.ponder.cli.ModelChoice;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.engine.remote.RemoteEngine;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ponder book}: write a textbook from a course brief, resume it after a stop, and check it. */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = "Write a whole textbook from a course brief as an MkDocs site, on a local model or a server's.",
        subcommands = {BookCli.New.class, BookCli.Resume.class, BookCli.Regenerate.class, BookCli.Status.class,
                BookCli.Check.class})
public final class BookCli {

    /** Exit code for a brief or book folder the user must fix. */
    static final int BAD_INPUT = 2;

    public static CommandLine commandLine() {
        return new CommandLine(new BookCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("ponder book: " + e.getMessage());
            return e instanceof BookJobException ? 1 : BAD_INPUT;
        });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Start a book from a brief.")
    static final class New implements Callable<Integer> {

        @Option(names = "--brief", required = true, paramLabel = "FILE", description = "The course brief (YAML).")
        Path brief;

        @ArgGroup(multiplicity = "1")
        ModelChoice choice;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The book folder to create.")
        Path out;

        @Option(names = "--threads", description = "CPU threads (default: ${DEFAULT-VALUE}).")
        int threads = ThreadDefaults.decodeThreads();

        @Option(names = "--seed", description = "Sampling seed, for a book that repeats (default: random).")
        long seed = -1;

        @Option(names = "--ignore-brief-score", description = "Write the book even from a brief scoring under 70.")
        boolean ignoreBriefScore;

        @Option(names = "--parallel", description = "Chapters written at once, in llama.cpp's parallel sequences, "
                + "each with the model's whole context; with --endpoint, requests at once: match the server's slots "
                + "(default: ${DEFAULT-VALUE}).")
        int parallel = 1;

        @Override
        public Integer call() throws IOException, EngineException {
            CourseBrief course = BriefFiles.load(brief);
            JobSettings settings = withModel(new JobSettings(null, threads, seed, ignoreBriefScore,
                    Math.max(1, parallel), null), choice);
            try {
                BookFolder.create(out, course, settings);
            } catch (BookJobException e) {
                System.err.println("ponder book: " + e.getMessage());
                return BAD_INPUT;
            }
            return run(out, settings);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue a book at its first unfinished step.")
    static final class Resume implements Callable<Integer> {

        @Parameters(paramLabel = "DIR")
        Path dir;

        @ArgGroup(heading = "Another model than the one it started with:%n")
        ModelChoice choice;

        @Override
        public Integer call() throws IOException, EngineException {
            JobSettings settings = JobSettings.read(dir);
            if (choice != null) {
                settings = withModel(settings, choice);
                settings.write(dir);
            }
            return run(dir, settings);
        }
    }

    @Command(name = "regenerate", mixinStandardHelpOptions = true,
            description = {"Write a chapter's text, exercises or quiz anew.",
                    "A page edited by hand is kept (and named) unless --overwrite is given."})
    static final class Regenerate implements Callable<Integer> {

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--chapter", required = true, paramLabel = "N", description = "The chapter's number.")
        int chapter;

        @Option(names = "--part", paramLabel = "PART", description = "text, exercises or quiz (default: all three).")
        List<BookJob.Part> parts = List.of(BookJob.Part.values());

        @Option(names = "--overwrite", description = "Replace pages even where they were edited by hand.")
        boolean overwrite;

        @Override
        public Integer call() throws IOException, EngineException {
            JobSettings settings = JobSettings.read(dir);
            try (JobStore store = JobStore.open(dir)) {
                for (BookJob.Part part : parts) {
                    if (!store.forget(part.step(chapter))) {
                        System.err.println("ponder book: chapter " + chapter + " has no " + part.name()
                                .toLowerCase(java.util.Locale.ROOT) + " yet: run ponder book resume " + dir);
                        return BAD_INPUT;
                    }
                }
            }
            return run(dir, settings, overwrite);
        }
    }

    static int run(Path dir, JobSettings settings) throws EngineException, IOException {
        return run(dir, settings, false);
    }

    static int run(Path dir, JobSettings settings, boolean overwriteHandEdits) throws EngineException, IOException {
        try (Engine engine = engine(settings)) {
            BookOptions options = settings.options().overwritingHandEdits(overwriteHandEdits);
            BookJob.Outcome outcome = new BookJob(dir, engine, options, step -> System.err.println("  " + step))
                    .run();
            System.out.println("Book written: " + dir.resolve("mkdocs.yml") + " (" + outcome.steps().size()
                    + " steps). Build it with: cd " + dir + " && mkdocs build --strict");
            for (String kept : outcome.site().keptHandEdited()) {
                System.out.println("Kept your edit of " + kept + " (regenerate with --overwrite to replace it).");
            }
            if (!outcome.graph().acceptable()) {
                System.out.println("The learning graph has problems: see docs/book-report.md.");
            }
            return 0;
        }
    }

    /** The same job on the model a user chose on the command line. */
    private static JobSettings withModel(JobSettings settings, ModelChoice choice) {
        return choice.remote() != null ? settings.withModel(choice.remote().model(), choice.remote().endpoint())
                : settings.withModel(choice.model().toAbsolutePath().toString(), null);
    }

    private static Engine engine(JobSettings settings) throws EngineException, IOException {
        if (settings.endpoint() == null) {
            System.err.println("Loading " + Path.of(settings.model()).getFileName() + "…");
            return BookEngine.start(settings);
        }
        System.err.println("Connecting to " + settings.endpoint() + "…");
        Engine engine = BookEngine.start(settings);
        if (engine instanceof RemoteEngine remote) {
            System.err.println("Using " + settings.model() + " on " + remote.endpoint().root() + ", "
                    + remote.endpoint().parallel() + " request(s) at once"
                    + (remote.server().slots() > 0 ? " (the server has " + remote.server().slots() + " slots)" : "")
                    + ".");
        }
        return engine;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Which steps are done.")
    static final class Status implements Callable<Integer> {

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            JobSettings.read(dir);
            try (JobStore store = JobStore.open(dir)) {
                List<StepRecord> steps = store.all();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("steps", steps.stream().map(step -> Map.of("name", step.name(), "status", step.status(),
                            "attempts", step.attempts(), "tokens", step.tokens(), "millis", step.millis())).toList());
                    out.put("done", steps.stream().filter(StepRecord::done).count());
                    out.put("failed", steps.stream().filter(step -> !step.done()).count());
                    out.put("site", Files.exists(dir.resolve("mkdocs.yml")));
                    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
                    return 0;
                }
                for (StepRecord step : steps) {
                    System.out.printf("%-24s %-6s %d attempt(s), %d tokens, %.1f s%s%n", step.name(), step.status(),
                            step.attempts(), step.tokens(), step.millis() / 1000.0,
                            step.error() == null ? "" : " — " + step.error());
                }
                System.out.println(Files.exists(dir.resolve("mkdocs.yml")) ? "Site written."
                        : "Site not written yet: ponder book resume " + dir);
                return 0;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a book: its brief, its learning graph (as possibly edited), and mkdocs build --strict.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws IOException, InterruptedException {
            BriefScore.Score score = BriefScore.score(BriefFiles.load(dir.resolve(BookJob.BRIEF_FILE)));
            System.out.println("Brief: " + score.total() + " / 100" + (score.goodEnough() ? "" : " (below 70)"));
            GraphReport graph = GraphChecks.check(LearningGraphFiles.read(dir.resolve("docs").resolve(
                    "learning-graph")));
            System.out.println("Learning graph: " + graph.conceptCount() + " concepts, "
                    + (graph.acceptable() ? "acceptable" : "not acceptable"));
            graph.problems().forEach(problem -> System.out.println("  - " + problem));
            MkDocsBuild.Result build = MkDocsBuild.build(dir, true);
            System.out.println("mkdocs build --strict: " + (build.passed() ? "passed" : "failed\n" + build.output()));
            return build.passed() && graph.acceptable() && score.goodEnough() ? 0 : 1;
        }
    }
}
