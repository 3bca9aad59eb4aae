package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.content.ChapterPlan;
import dev.ponder.book.content.Quiz;
import dev.ponder.book.content.QuizQuestion;

/**
 * A chapter's quiz: multiple choice with four options. The schema gives each question one {@code correct} index, so
 * exactly one option is marked right; the check makes sure no other option says the same thing.
 */
public final class QuizStep {

    public static final int OPTIONS = 4;

    private QuizStep() {
    }

    /** @param chars the most characters a question or an explanation may have (an option: half of it) */
    public static String schema(int questions, int chars) {
        return """
                {"type":"object","properties":{"questions":{"type":"array","minItems":%1$d,"maxItems":%1$d,"items":{
                "type":"object","properties":{
                "question":{"type":"string","minLength":5,"maxLength":%2$d},
                "options":{"type":"array","minItems":4,"maxItems":4,"items":{"type":"string","minLength":1,
                "maxLength":%3$d}},
                "correct":{"type":"integer","enum":[0,1,2,3]},
                "explanation":{"type":"string","minLength":5,"maxLength":%2$d}},
                "required":["question","options","correct","explanation"]}}},"required":["questions"]}"""
                .formatted(questions, chars, Math.max(20, chars / 2));
    }

    public static String prompt(String courseTitle, ChapterPlan plan, List<String> conceptLabels, int questions) {
        return """
                You write quiz questions for the textbook "%s", chapter %d: "%s".
                The chapter teaches: %s.
                Write %d multiple-choice questions. Each has exactly four options, exactly one of them correct
                (give its index, 0 to 3, as "correct"), plausible wrong options that are clearly wrong to a
                student who learned the chapter, and a one-sentence explanation of the right answer.
                Reply with JSON only."""
                .formatted(courseTitle, plan.number(), plan.title(), String.join(", ", conceptLabels), questions);
    }

    public static List<String> check(String reply) {
        return Replies.problems(reply, QuizStep::read);
    }

    public static Quiz parse(String reply) {
        return Replies.accepted(reply, QuizStep::read);
    }

    private static Quiz read(String reply, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        List<QuizQuestion> questions = new ArrayList<>();
        int number = 0;
        for (JsonNode node : Replies.array(root, "questions", "the quiz", problems)) {
            number++;
            String where = "question " + number;
            String question = Replies.text(node, "question", where, problems);
            List<String> options = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode option : Replies.array(node, "options", where, problems)) {
                String text = option.asText("").strip();
                if (text.isEmpty()) {
                    problems.add(where + " has an empty option");
                } else if (!seen.add(Replies.normalized(text))) {
                    problems.add(where + " has the option \"" + text + "\" twice, so two options would be right:"
                            + " make every option different");
                }
                options.add(text);
            }
            if (options.size() != OPTIONS) {
                problems.add(where + " needs exactly " + OPTIONS + " options, not " + options.size());
            }
            int correct = node.path("correct").asInt(-1);
            if (correct < 0 || correct >= OPTIONS) {
                problems.add(where + " must mark one option correct with an index from 0 to 3");
            }
            String explanation = Replies.text(node, "explanation", where, problems);
            questions.add(new QuizQuestion(question, options, correct, explanation));
        }
        if (root != null && questions.isEmpty()) {
            problems.add("the quiz has no questions");
        }
        return new Quiz(questions);
    }
}
