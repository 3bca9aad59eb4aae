package dev.ponder.book.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.book.brief.CourseBrief;
import dev.ponder.book.content.Quiz;
import dev.ponder.book.content.QuizQuestion;
import dev.ponder.book.steps.ChapterTextStep;
import dev.ponder.book.steps.ExercisesStep;
import dev.ponder.book.steps.QuizStep;

/**
 * How far a book has come, read from its job record: each chapter's parts, a preview of what a chapter has so far,
 * and about how many steps the whole book takes, for a progress bar.
 */
public final class BookProgress {

    /** A part of a chapter: not started, written, or failed (its error kept in the record). */
    public enum PartState {
        WAITING, DONE, FAILED
    }

    /** One chapter: its title once planned, and the state of its text, exercises and quiz. */
    public record ChapterState(int number, String title, Map<BookJob.Part, PartState> parts) {

        public PartState part(BookJob.Part part) {
            return parts.get(part);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BookProgress() {
    }

    public static List<ChapterState> chapters(List<StepRecord> steps, int chapterCount) {
        return IntStream.rangeClosed(1, chapterCount).mapToObj(number -> {
            Map<BookJob.Part, PartState> parts = new EnumMap<>(BookJob.Part.class);
            for (BookJob.Part part : BookJob.Part.values()) {
                parts.put(part, find(steps, part.step(number)).map(record -> record.done() ? PartState.DONE
                        : PartState.FAILED).orElse(PartState.WAITING));
            }
            String title = output(steps, String.format(Locale.ROOT, "plan-%02d", number))
                    .map(BookProgress::title).orElse("");
            return new ChapterState(number, title, parts);
        }).toList();
    }

    /** What chapter {@code number} has so far, as Markdown: its text, exercises and quiz, whichever are written. */
    public static Optional<String> preview(List<StepRecord> steps, int number) {
        Optional<String> text = output(steps, BookJob.Part.TEXT.step(number)).map(ChapterTextStep::markdown);
        Optional<String> exercises = output(steps, BookJob.Part.EXERCISES.step(number))
                .map(reply -> BookJob.exercisesMarkdown(ExercisesStep.parse(reply)));
        Optional<String> quiz = output(steps, BookJob.Part.QUIZ.step(number)).map(QuizStep::parse)
                .map(BookProgress::quizMarkdown);
        if (text.isEmpty() && exercises.isEmpty() && quiz.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder(text.orElse("*The text is not written yet.*\n"));
        exercises.ifPresent(e -> md.append("\n\n## Exercises\n\n").append(e));
        quiz.ifPresent(q -> md.append("\n\n## Quiz\n\n").append(q));
        return Optional.of(md.toString());
    }

    /** About how many steps the book takes: taxonomy, concept batches, plans, three parts a chapter, glossary. */
    public static int expectedSteps(CourseBrief brief, BookOptions options) {
        int conceptBatches = ceilDiv(brief.conceptTarget(), options.conceptBatch());
        int glossaryBatches = ceilDiv(brief.conceptTarget(), options.glossaryBatch());
        return 1 + conceptBatches + brief.chapters() * 4 + glossaryBatches;
    }

    private static String quizMarkdown(Quiz quiz) {
        StringBuilder md = new StringBuilder();
        List<QuizQuestion> questions = quiz.questions();
        for (int q = 0; q < questions.size(); q++) {
            QuizQuestion question = questions.get(q);
            md.append(q + 1).append(". ").append(question.question()).append("\n\n");
            for (int o = 0; o < question.options().size(); o++) {
                md.append("    - ").append(o == question.correct() ? "**✓** " : "").append(question.options().get(o))
                        .append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static Optional<StepRecord> find(List<StepRecord> steps, String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    private static Optional<String> output(List<StepRecord> steps, String name) {
        return find(steps, name).filter(StepRecord::done).map(StepRecord::output);
    }

    private static String title(String planReply) {
        try {
            JsonNode title = JSON.readTree(planReply).path("title");
            return title.isTextual() ? title.asText().strip() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int ceilDiv(int a, int b) {
        return Math.max(1, (a + Math.max(1, b) - 1) / Math.max(1, b));
    }
}
