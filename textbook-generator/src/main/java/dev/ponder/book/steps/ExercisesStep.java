package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.content.ChapterPlan;

/** A chapter's exercises, each with its solution, asked for as JSON and kept as a list. */
public final class ExercisesStep {

    /** An exercise and its worked solution (Markdown). */
    public record Exercise(String problem, String solution) {
    }

    private ExercisesStep() {
    }

    public static String schema(int exercises, int chars) {
        return """
                {"type":"object","properties":{"exercises":{"type":"array","minItems":%1$d,"maxItems":%1$d,"items":{
                "type":"object","properties":{
                "problem":{"type":"string","minLength":10,"maxLength":%2$d},
                "solution":{"type":"string","minLength":10,"maxLength":%2$d}},"required":["problem","solution"]}}},
                "required":["exercises"]}""".formatted(exercises, chars);
    }

    public static String prompt(String courseTitle, ChapterPlan plan, List<String> conceptLabels, int exercises) {
        return """
                For chapter %d, "%s", of the textbook "%s" (concepts: %s), write %d exercises that practise the
                chapter's objectives, from easier to harder, each with a complete worked solution in Markdown.
                Reply with JSON only."""
                .formatted(plan.number(), plan.title(), courseTitle, String.join(", ", conceptLabels), exercises);
    }

    public static List<String> check(String reply) {
        return Replies.problems(reply, ExercisesStep::read);
    }

    public static List<Exercise> parse(String reply) {
        return Replies.accepted(reply, ExercisesStep::read);
    }

    private static List<Exercise> read(String reply, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        List<Exercise> exercises = new ArrayList<>();
        int number = 0;
        for (JsonNode node : Replies.array(root, "exercises", "the exercises", problems)) {
            number++;
            exercises.add(new Exercise(Replies.text(node, "problem", "exercise " + number, problems),
                    Replies.text(node, "solution", "exercise " + number, problems)));
        }
        if (root != null && exercises.isEmpty()) {
            problems.add("there are no exercises");
        }
        return exercises;
    }
}
