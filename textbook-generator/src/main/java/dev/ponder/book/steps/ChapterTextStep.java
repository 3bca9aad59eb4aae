package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.content.ChapterPlan;

/**
 * A chapter's text, asked for as JSON (introduction, sections, a worked example, a summary) and written out as
 * Markdown here: every chapter has its headings whatever the model, and its parts can be checked one by one.
 */
public final class ChapterTextStep {

    private ChapterTextStep() {
    }

    /** @param sectionChars the most characters a section's body may have (fits the model's context) */
    public static String schema(int sections, int sectionChars) {
        return """
                {"type":"object","properties":{
                "introduction":{"type":"string","minLength":20,"maxLength":%1$d},
                "sections":{"type":"array","minItems":%2$d,"maxItems":%2$d,"items":{"type":"object","properties":{
                "heading":{"type":"string","minLength":3,"maxLength":60},
                "body":{"type":"string","minLength":20,"maxLength":%1$d}},"required":["heading","body"]}},
                "example":{"type":"object","properties":{
                "problem":{"type":"string","minLength":10,"maxLength":%1$d},
                "solution":{"type":"string","minLength":10,"maxLength":%1$d}},"required":["problem","solution"]},
                "summary":{"type":"string","minLength":20,"maxLength":%1$d}},
                "required":["introduction","sections","example","summary"]}""".formatted(sectionChars, sections);
    }

    public static String prompt(String courseTitle, String audience, String tone, ChapterPlan plan,
                                List<String> conceptLabels, int sections) {
        return """
                You are writing chapter %d, "%s", of the textbook "%s" for %s. Tone: %s.
                The chapter covers these concepts, in this order: %s.
                Chapter goal: %s
                Write an introduction, %d sections (each with a heading and a body in Markdown: paragraphs, lists,
                code blocks or $math$ where they help), one worked example (a problem and its step-by-step
                solution), and a summary. Reply with JSON only."""
                .formatted(plan.number(), plan.title(), courseTitle, audience.isEmpty() ? "students" : audience,
                        tone.isEmpty() ? "clear and precise" : tone, String.join(", ", conceptLabels),
                        plan.summary(), sections);
    }

    public static List<String> check(String reply) {
        return Replies.problems(reply, ChapterTextStep::read);
    }

    /** The chapter text as Markdown, from a reply that passed its check. */
    public static String markdown(String reply) {
        return Replies.accepted(reply, ChapterTextStep::read);
    }

    private static String read(String reply, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        StringBuilder md = new StringBuilder();
        md.append("## Introduction\n\n").append(Replies.text(root, "introduction", "the chapter", problems))
                .append("\n\n");
        List<String> headings = new ArrayList<>();
        int number = 0;
        for (JsonNode section : Replies.array(root, "sections", "the chapter", problems)) {
            number++;
            String heading = Replies.text(section, "heading", "section " + number, problems)
                    .replaceAll("^#+\\s*", "").replace('\n', ' ');
            if (headings.contains(Replies.normalized(heading))) {
                problems.add("two sections are both called \"" + heading + "\": give each its own heading");
            }
            headings.add(Replies.normalized(heading));
            md.append("## ").append(heading).append("\n\n")
                    .append(Replies.text(section, "body", "section " + number, problems)).append("\n\n");
        }
        JsonNode example = root == null ? null : root.path("example");
        md.append("## Worked example\n\n")
                .append(Replies.text(example, "problem", "the worked example", problems)).append("\n\n")
                .append("**Solution.** ").append(Replies.text(example, "solution", "the worked example", problems))
                .append("\n\n");
        md.append("## Summary\n\n").append(Replies.text(root, "summary", "the chapter", problems)).append('\n');
        return md.toString();
    }
}
