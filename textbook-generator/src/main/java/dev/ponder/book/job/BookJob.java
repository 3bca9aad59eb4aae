package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.book.brief.BriefFiles;
import dev.ponder.book.brief.BriefScore;
import dev.ponder.book.brief.CourseBrief;
import dev.ponder.book.content.Chapter;
import dev.ponder.book.content.ChapterPlan;
import dev.ponder.book.content.GlossaryEntry;
import dev.ponder.book.content.Quiz;
import dev.ponder.book.graph.BatchSpec;
import dev.ponder.book.graph.Concept;
import dev.ponder.book.graph.GraphChecks;
import dev.ponder.book.graph.GraphOrder;
import dev.ponder.book.graph.GraphRepair;
import dev.ponder.book.graph.GraphReport;
import dev.ponder.book.graph.LearningGraph;
import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.book.graph.Taxonomy;
import dev.ponder.book.site.BookInfo;
import dev.ponder.book.site.GraphPage;
import dev.ponder.book.site.SiteBook;
import dev.ponder.book.site.SiteResult;
import dev.ponder.book.site.SiteWriter;
import dev.ponder.book.steps.ChapterTextStep;
import dev.ponder.book.steps.ConceptBatchStep;
import dev.ponder.book.steps.ExercisesStep;
import dev.ponder.book.steps.GlossaryStep;
import dev.ponder.book.steps.PlanStep;
import dev.ponder.book.steps.QuizStep;
import dev.ponder.book.steps.TaxonomyStep;
import dev.ponder.engine.Engine;
import dev.ponder.engine.Sampling;

/**
 * One textbook, from the brief in its folder to a checked MkDocs site: taxonomy, learning graph in batches, chapter
 * plan, then per chapter its text, exercises and quiz, the glossary in batches, and the site with its report. Every
 * model step is a committed row of {@link JobStore} keyed by its inputs' hash, so running the job again (after a
 * crash, a kill, a full disk) redoes nothing that finished and continues at the first unfinished step.
 */
public final class BookJob {

    /** The parts of a chapter that can be written anew on their own. */
    public enum Part {
        TEXT, EXERCISES, QUIZ;

        /** The name of the step that writes this part of chapter {@code number}. */
        public String step(int number) {
            return String.format(Locale.ROOT, "chapter-%02d-%s", number, name().toLowerCase(Locale.ROOT));
        }
    }

    /** The brief the job works from, kept in the book folder. */
    public static final String BRIEF_FILE = "brief.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Engine engine;
    private final BookOptions options;
    private final JobProgress progress;
    private final JobStop stop = new JobStop();

    public BookJob(Path dir, Engine engine, BookOptions options, JobProgress progress) {
        this.dir = dir;
        this.engine = engine;
        this.options = options;
        this.progress = progress;
    }

    /** What a run did. */
    public record Outcome(SiteResult site, GraphReport graph, List<StepRecord> steps) {
    }

    /**
     * Writes the learning graph only (to {@code docs/learning-graph/}), so that the professor can review and edit it
     * ({@link ReviewedGraph}) before the chapters are planned from it.
     */
    public GraphReport learningGraph() throws IOException {
        try (JobStore store = JobStore.open(dir)) {
            Run run = start(store);
            return GraphChecks.check(run.learningGraph().graph());
        }
    }

    /** Writes the whole book, continuing at the first unfinished step. */
    public Outcome run() throws IOException {
        try (JobStore store = JobStore.open(dir)) {
            return start(store).book();
        }
    }

    /** Stops the job once the steps in flight have finished and been kept. */
    public void pause() {
        stop.pause();
    }

    /** Stops the job now; the steps in flight are cut short and run again on resume. */
    public void cancel() {
        stop.cancel();
        engine.cancel();
    }

    private Run start(JobStore store) throws IOException {
        CourseBrief brief = BriefFiles.load(dir.resolve(BRIEF_FILE));
        BriefScore.Score score = BriefScore.score(brief);
        if (!score.goodEnough() && !options.ignoreBriefScore()) {
            throw new BookJobException("the brief scores " + score.total() + " of 100; below "
                    + BriefScore.GOOD_ENOUGH + " the book would be guessed rather than planned. "
                    + String.join(" ", score.hints()) + " Improve " + dir.resolve(BRIEF_FILE)
                    + ", or pass --ignore-brief-score.");
        }
        return new Run(store, brief, score, BriefFiles.toYaml(brief), new StepRunner(store, progress, stop),
                new ModelCalls(engine, options.markers(), options.maxAttempts(), stop), Budget.of(engine));
    }

    /** One run of the job over its open record. */
    private final class Run {

        private final JobStore store;
        private final CourseBrief brief;
        private final BriefScore.Score score;
        private final String briefText;
        private final StepRunner steps;
        private final ModelCalls calls;
        private final Budget budget;

        Run(JobStore store, CourseBrief brief, BriefScore.Score score, String briefText, StepRunner steps,
            ModelCalls calls, Budget budget) {
            this.store = store;
            this.brief = brief;
            this.score = score;
            this.briefText = briefText;
            this.steps = steps;
            this.calls = calls;
            this.budget = budget;
        }

        /** The graph the book is written from (the reviewed one where the professor edited it), as files too. */
        Repaired learningGraph() throws IOException {
            TaxonomyStep.Categories categories = taxonomies(steps, calls, brief, briefText, budget);
            Repaired written = modelConcepts(steps, calls, brief, briefText, categories.taxonomies(), budget);
            List<String> notes = new ArrayList<>(categories.notes());
            var reviewed = ReviewedGraph.read(dir);
            // Only the graph the book is written from is repaired: the professor's, else the model's.
            GraphRepair.Repaired repaired = GraphRepair.repair(reviewed.orElse(written.graph()));
            if (reviewed.isPresent()) {
                notes.add("The learning graph was reviewed and edited before the chapters were planned ("
                        + repaired.graph().concepts().size() + " concepts).");
            } else {
                notes.addAll(written.changes());
            }
            notes.addAll(repaired.changes());
            LearningGraph graph = repaired.graph();
            LearningGraphFiles.write(dir.resolve("docs").resolve("learning-graph"), graph);
            return new Repaired(graph, notes);
        }

        Outcome book() throws IOException {
            Repaired graph = learningGraph();
            String graphCsv = LearningGraphFiles.toCsv(graph.graph());
            GraphReport report = GraphChecks.check(graph.graph());

            List<ChapterPlan> plans = plan(steps, calls, brief, graph.graph(), graphCsv, budget);
            Map<Integer, Concept> concepts = graph.graph().byId();
            List<Chapter> chapters = chapters(plans, plan -> chapter(steps, calls, brief, briefText, plan,
                    labels(plan, concepts), budget), budget.sequences());
            List<GlossaryEntry> glossary = glossary(steps, calls, brief, graph.graph(), budget);

            stop.check();
            String bookReport = BookReport.markdown(score, report, graph.changes(), store.all());
            SiteResult site = new SiteWriter(options.overwriteHandEdits()).write(dir, new SiteBook(info(brief),
                    chapters, glossary, new GraphPage(LearningGraphFiles.JSON_FILE, report.markdown()), bookReport));
            return new Outcome(site, report, store.all());
        }
    }

    private TaxonomyStep.Categories taxonomies(StepRunner steps, ModelCalls calls, CourseBrief brief,
                                               String briefText, Budget budget) {
        int max = Math.max(3, Math.min(12, brief.conceptTarget() / 4));
        String schema = TaxonomyStep.schema(2, max);
        String prompt = TaxonomyStep.prompt(brief.title(), brief.description(), max);
        String reply = steps.run("taxonomy", Hashes.of(briefText, schema), round -> calls.structured(prompt, schema,
                options.sampling(budget.structured(), "taxonomy", round), text -> TaxonomyStep.check(text, 2)));
        return TaxonomyStep.parse(reply, 2);
    }

    private record Repaired(LearningGraph graph, List<String> changes) {
    }

    /** The concepts the model wrote, batch by batch, with what was mended in its replies; not yet repaired. */
    private Repaired modelConcepts(StepRunner steps, ModelCalls calls, CourseBrief brief, String briefText,
                                   List<Taxonomy> taxonomies, Budget budget) {
        List<Concept> concepts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int target = brief.conceptTarget();
        int batchNumber = 0;
        String previous = Hashes.of(briefText, taxonomies.toString());
        while (concepts.size() < target) {
            batchNumber++;
            BatchSpec spec = new BatchSpec(concepts, Math.min(budget.conceptsPerReply(options.conceptBatch()),
                    target - concepts.size()), taxonomies);
            String schema = ConceptBatchStep.schema(spec);
            String prompt = ConceptBatchStep.prompt(brief.title(), brief.description(), spec);
            String step = String.format(Locale.ROOT, "concepts-%02d", batchNumber);
            String reply = steps.run(step, Hashes.of(previous, schema), round -> calls.structured(prompt, schema,
                    options.sampling(budget.structured(), step, round), text -> ConceptBatchStep.check(text, spec)));
            previous = Hashes.of(previous, reply);
            ConceptBatchStep.Batch batch = ConceptBatchStep.parse(reply, spec);
            concepts.addAll(batch.concepts());
            notes.addAll(batch.notes());
        }
        return new Repaired(new LearningGraph(concepts, taxonomies), notes);
    }

    private List<ChapterPlan> plan(StepRunner steps, ModelCalls calls, CourseBrief brief, LearningGraph graph,
                                   String graphCsv, Budget budget) {
        List<Integer> order = GraphOrder.topological(graph).stream().map(Concept::id).toList();
        List<List<Integer>> runs = PlanStep.assign(order, brief.chapters());
        Map<Integer, Concept> byId = graph.byId();
        String schema = PlanStep.schema(Math.min(300, budget.chars(6)));
        List<ChapterPlan> plans = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            int number = i + 1;
            List<Integer> run = runs.get(i);
            String prompt = PlanStep.prompt(brief.title(), brief.audience(), number, runs.size(),
                    run.stream().map(id -> byId.get(id).label()).toList());
            String step = String.format(Locale.ROOT, "plan-%02d", number);
            String reply = steps.run(step, Hashes.of(graphCsv, brief.title(), brief.audience(), schema,
                    Integer.toString(number)), round -> calls.structured(prompt, schema,
                    options.sampling(budget.structured(), step, round), PlanStep::check));
            plans.add(PlanStep.parse(reply, number, run));
        }
        return plans;
    }

    private Chapter chapter(StepRunner steps, ModelCalls calls, CourseBrief brief, String briefText,
                            ChapterPlan plan, List<String> labels, Budget budget) {
        String planJson = json(plan);
        int sections = options.sectionsPerChapter();
        String textSchema = ChapterTextStep.schema(sections, budget.chars(sections + 4));
        String textStep = Part.TEXT.step(plan.number());
        String text = steps.run(textStep, Hashes.of(briefText, planJson, textSchema),
                round -> calls.structured(ChapterTextStep.prompt(brief.title(), brief.audience(), brief.tone(), plan,
                        labels, sections), textSchema, options.sampling(budget.structured(), textStep, round),
                        ChapterTextStep::check));

        int exerciseCount = options.exercisesPerChapter();
        String exercisesSchema = ExercisesStep.schema(exerciseCount, budget.chars(exerciseCount * 2));
        String exercisesStep = Part.EXERCISES.step(plan.number());
        String exercises = steps.run(exercisesStep, Hashes.of(briefText, planJson, exercisesSchema),
                round -> calls.structured(ExercisesStep.prompt(brief.title(), plan, labels, exerciseCount),
                        exercisesSchema, options.sampling(budget.structured(), exercisesStep, round),
                        ExercisesStep::check));

        int questions = options.questionsPerQuiz();
        String quizSchema = QuizStep.schema(questions, budget.chars(questions * 4));
        String quizStep = Part.QUIZ.step(plan.number());
        String quiz = steps.run(quizStep, Hashes.of(briefText, planJson, quizSchema),
                round -> calls.structured(QuizStep.prompt(brief.title(), plan, labels, questions), quizSchema,
                        options.sampling(budget.structured(), quizStep, round), QuizStep::check));

        return new Chapter(plan, ChapterTextStep.markdown(text), exercisesMarkdown(ExercisesStep.parse(exercises)),
                QuizStep.parse(quiz));
    }

    /**
     * Writes the chapters, as many at once as the engine has parallel sequences. A chapter that fails does not stop
     * the others: what they finish is committed, and the first failure is reported after all have ended.
     */
    private static List<Chapter> chapters(List<ChapterPlan> plans, Function<ChapterPlan, Chapter> write,
                                          int sequences) {
        if (sequences <= 1) {
            return plans.stream().map(write).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(sequences, Thread.ofPlatform().name("chapter-", 1)
                .daemon().factory());
        try {
            List<Future<Chapter>> futures = plans.stream().map(plan -> pool.submit(() -> write.apply(plan))).toList();
            List<Chapter> chapters = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<Chapter> future : futures) {
                try {
                    chapters.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new BookJobException(e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BookJobException("interrupted while writing chapters: run ponder book resume", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return chapters;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exercises as the site expects them: each a heading and its problem, then a "Solution:" the site folds away. */
    static String exercisesMarkdown(List<ExercisesStep.Exercise> exercises) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < exercises.size(); i++) {
            md.append("### Exercise ").append(i + 1).append("\n\n").append(exercises.get(i).problem())
                    .append("\n\nSolution: ").append(exercises.get(i).solution()).append("\n\n");
        }
        return md.toString();
    }

    private List<GlossaryEntry> glossary(StepRunner steps, ModelCalls calls, CourseBrief brief, LearningGraph graph,
                                         Budget budget) {
        List<String> terms = graph.concepts().stream().map(Concept::label).distinct()
                .sorted(Comparator.comparing(term -> term.toLowerCase(Locale.ROOT))).toList();
        List<GlossaryEntry> entries = new ArrayList<>();
        int batchSize = budget.definitionsPerReply(options.glossaryBatch());
        for (int from = 0, batch = 1; from < terms.size(); from += batchSize, batch++) {
            List<String> some = terms.subList(from, Math.min(terms.size(), from + batchSize));
            String schema = GlossaryStep.schema(some.size(), Math.min(400, budget.chars(some.size())));
            String step = String.format(Locale.ROOT, "glossary-%02d", batch);
            String reply = steps.run(step, Hashes.of(brief.title(), String.join("\n", some), schema),
                    round -> calls.structured(GlossaryStep.prompt(brief.title(), some), schema,
                            options.sampling(budget.structured(), step, round), text -> GlossaryStep.check(text, some)));
            entries.addAll(GlossaryStep.parse(reply, some));
        }
        return entries;
    }

    private static List<String> labels(ChapterPlan plan, Map<Integer, Concept> concepts) {
        return plan.conceptIds().stream().map(id -> concepts.get(id).label()).toList();
    }

    private static BookInfo info(CourseBrief brief) {
        return new BookInfo(brief.title(), brief.description(), brief.audience(), brief.prerequisites(),
                brief.outcomes());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The token budget of a reply, from the context each of the engine's parallel sequences gets (llama.cpp's slots,
     * or a server's parallel requests).
     */
    record Budget(int context, int sequences) {

        static Budget of(Engine engine) {
            return engine.served().map(model -> new Budget(Math.max(512, model.contextPerSequence()),
                    model.sequences())).orElse(new Budget(4096, 1));
        }

        /** Tokens a structured reply may use: half the context, leaving the rest for the prompt. */
        int structured() {
            return Math.max(256, context / 2);
        }

        /** Concepts one reply can hold: a concept with its dependencies takes up to about 200 tokens. */
        int conceptsPerReply(int wanted) {
            return Math.max(2, Math.min(wanted, structured() / 200));
        }

        /** Definitions one reply can hold: about a hundred tokens each. */
        int definitionsPerReply(int wanted) {
            return Math.max(1, Math.min(wanted, structured() / 100));
        }

        /** Characters each of {@code parts} strings may hold so that the reply fits {@link #structured()}. */
        int chars(int parts) {
            // Two characters a token: small models spend many tokens on JSON's punctuation and whitespace.
            return Math.max(60, Math.min(2000, structured() * 2 / Math.max(1, parts)));
        }
    }
}
