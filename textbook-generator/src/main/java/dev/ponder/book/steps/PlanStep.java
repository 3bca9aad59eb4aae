package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.content.BloomLevel;
import dev.ponder.book.content.ChapterPlan;
import dev.ponder.book.content.Objective;

/**
 * The chapter plan. Which concepts a chapter teaches is decided here, not by the model: the learning graph's
 * topological order cut into even runs, so that no chapter uses a concept taught later. The model names each chapter,
 * sums it up and writes its objectives, each tagged with a Bloom level, one chapter a reply (a whole book's plan does
 * not fit a small model's context).
 */
public final class PlanStep {

    private PlanStep() {
    }

    /** The concept ids of each chapter: the topological order cut into {@code chapters} runs of near-equal length. */
    public static List<List<Integer>> assign(List<Integer> topologicalOrder, int chapters) {
        List<List<Integer>> runs = new ArrayList<>();
        int size = topologicalOrder.size();
        int count = Math.max(1, Math.min(chapters, size));
        for (int i = 0; i < count; i++) {
            runs.add(List.copyOf(topologicalOrder.subList(i * size / count, (i + 1) * size / count)));
        }
        return runs;
    }

    /** One chapter's plan; {@code chars} bounds each text so the reply fits the model's context. */
    public static String schema(int chars) {
        String levels = String.join(",", java.util.Arrays.stream(BloomLevel.values())
                .map(level -> "\"" + level.name().toLowerCase(Locale.ROOT) + "\"").toList());
        return """
                {"type":"object","properties":{
                "title":{"type":"string","minLength":3,"maxLength":60},
                "summary":{"type":"string","minLength":10,"maxLength":%1$d},
                "objectives":{"type":"array","minItems":2,"maxItems":4,"items":{"type":"object","properties":{
                "level":{"type":"string","enum":[%2$s]},
                "text":{"type":"string","minLength":10,"maxLength":%1$d}},"required":["level","text"]}}},
                "required":["title","summary","objectives"]}"""
                .formatted(chars, levels);
    }

    public static String prompt(String courseTitle, String audience, int number, int chapters,
                                List<String> concepts) {
        return """
                Plan chapter %d of %d of the textbook "%s" for %s. It teaches these concepts: %s.
                Give the chapter a title, a two-sentence summary, and 2 to 4 learning objectives, each starting
                with a verb of its Bloom level (remember: define, list; understand: explain, describe; apply: use,
                solve; analyze: compare, examine; evaluate: judge, justify; create: design, construct).
                Reply with JSON only."""
                .formatted(number, chapters, courseTitle, audience.isEmpty() ? "students" : audience,
                        String.join(", ", concepts));
    }

    public static List<String> check(String reply) {
        return Replies.problems(reply, (text, problems) -> read(text, 0, List.of(), problems));
    }

    public static ChapterPlan parse(String reply, int number, List<Integer> conceptIds) {
        return Replies.accepted(reply, (text, problems) -> read(text, number, conceptIds, problems));
    }

    private static ChapterPlan read(String reply, int number, List<Integer> conceptIds, List<String> problems) {
        JsonNode node = Replies.parse(reply, problems);
        String where = "the chapter";
        List<Objective> objectives = new ArrayList<>();
        for (JsonNode objective : Replies.array(node, "objectives", where, problems)) {
            BloomLevel level = level(objective.path("level").asText(""));
            if (level == null) {
                problems.add("an objective has no Bloom level");
                continue;
            }
            objectives.add(new Objective(level, Replies.text(objective, "text", "an objective", problems)));
        }
        return new ChapterPlan(number, Replies.text(node, "title", where, problems).replace('\n', ' '),
                Replies.text(node, "summary", where, problems), conceptIds, objectives);
    }

    private static BloomLevel level(String name) {
        for (BloomLevel level : BloomLevel.values()) {
            if (level.name().equalsIgnoreCase(name.strip())) {
                return level;
            }
        }
        return null;
    }
}
