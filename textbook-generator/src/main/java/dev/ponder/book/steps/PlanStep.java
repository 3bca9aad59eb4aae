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
 * sums it up and writes its objectives, each tagged with a Bloom level.
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

    public static String schema(int chapters) {
        String levels = String.join(",", java.util.Arrays.stream(BloomLevel.values())
                .map(level -> "\"" + level.name().toLowerCase(Locale.ROOT) + "\"").toList());
        return """
                {"type":"object","properties":{"chapters":{"type":"array","minItems":%1$d,"maxItems":%1$d,"items":{
                "type":"object","properties":{
                "title":{"type":"string","minLength":3,"maxLength":60},
                "summary":{"type":"string","minLength":10,"maxLength":300},
                "objectives":{"type":"array","minItems":2,"maxItems":4,"items":{"type":"object","properties":{
                "level":{"type":"string","enum":[%2$s]},
                "text":{"type":"string","minLength":10,"maxLength":160}},"required":["level","text"]}}},
                "required":["title","summary","objectives"]}}},"required":["chapters"]}"""
                .formatted(chapters, levels);
    }

    public static String prompt(String courseTitle, String audience, List<List<String>> conceptsPerChapter) {
        StringBuilder chapters = new StringBuilder();
        for (int i = 0; i < conceptsPerChapter.size(); i++) {
            chapters.append("Chapter ").append(i + 1).append(": ")
                    .append(String.join(", ", conceptsPerChapter.get(i))).append('\n');
        }
        return """
                Plan the chapters of the textbook "%s" for %s. Each chapter teaches these concepts:
                %s
                For each chapter, in this order, give a title, a two-sentence summary, and 2 to 4 learning
                objectives, each starting with a verb of its Bloom level (remember: define, list; understand:
                explain, describe; apply: use, solve; analyze: compare, examine; evaluate: judge, justify;
                create: design, construct). Reply with JSON only."""
                .formatted(courseTitle, audience.isEmpty() ? "students" : audience, chapters);
    }

    public static List<String> check(String reply, List<List<Integer>> concepts) {
        return Replies.problems(reply, (text, problems) -> read(text, concepts, problems));
    }

    public static List<ChapterPlan> parse(String reply, List<List<Integer>> concepts) {
        return Replies.accepted(reply, (text, problems) -> read(text, concepts, problems));
    }

    private static List<ChapterPlan> read(String reply, List<List<Integer>> concepts, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        List<JsonNode> nodes = Replies.array(root, "chapters", "the plan", problems);
        if (root != null && nodes.size() != concepts.size()) {
            problems.add("the plan has " + nodes.size() + " chapters; it needs " + concepts.size());
        }
        List<ChapterPlan> plans = new ArrayList<>();
        for (int i = 0; i < Math.min(nodes.size(), concepts.size()); i++) {
            JsonNode node = nodes.get(i);
            String where = "chapter " + (i + 1);
            List<Objective> objectives = new ArrayList<>();
            for (JsonNode objective : Replies.array(node, "objectives", where, problems)) {
                BloomLevel level = level(objective.path("level").asText(""));
                if (level == null) {
                    problems.add(where + " has an objective without a Bloom level");
                    continue;
                }
                objectives.add(new Objective(level, Replies.text(objective, "text", where + "'s objective",
                        problems)));
            }
            plans.add(new ChapterPlan(i + 1, Replies.text(node, "title", where, problems).replace('\n', ' '),
                    Replies.text(node, "summary", where, problems), concepts.get(i), objectives));
        }
        return plans;
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
