package dev.ponder.book.brief;

import java.util.ArrayList;
import java.util.List;

/**
 * What a professor asks for: the description of a course from which a textbook is generated.
 *
 * <p>The record rejects only what makes no sense (no title, an impossible length, a blank list item); whether the
 * brief says enough to generate a good book from is {@link BriefScore}'s question, so a brief with no audience or
 * no prerequisites is valid here and simply scores lower.
 *
 * @param title             the course title; required
 * @param level             e.g. "undergraduate, first year"; empty when not given
 * @param audience          who the readers are; empty when not given
 * @param description       what the course covers, in prose; empty when not given
 * @param prerequisites     what readers must know already; "none" is a valid answer
 * @param outcomes          learning outcomes, each phrased with a revised (2001) Bloom verb ("Explain how...")
 * @param chapters          number of chapters, {@value #MIN_CHAPTERS} to {@value #MAX_CHAPTERS}
 * @param minutesPerChapter reading time per chapter in minutes, {@value #MIN_MINUTES} to {@value #MAX_MINUTES}
 * @param tone              how the book should read, e.g. "friendly, precise, with worked examples"; may be empty
 * @param conceptTarget     how many concepts the learning graph should have, {@value #MIN_CONCEPTS} to
 *                          {@value #MAX_CONCEPTS}; 0 means "derive it": {@link #defaultConceptTarget(int)}, about
 *                          {@value #CONCEPTS_PER_CHAPTER} a chapter within {@value #DEFAULT_MIN_CONCEPTS}..{@value
 *                          #DEFAULT_MAX_CONCEPTS}
 */
public record CourseBrief(String title, String level, String audience, String description,
                          List<String> prerequisites, List<String> outcomes, int chapters, int minutesPerChapter,
                          String tone, int conceptTarget) {

    public static final int MIN_CHAPTERS = 1;
    public static final int MAX_CHAPTERS = 50;
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 600;
    /** Bounds of an explicit concept target (a tiny test book may ask for a dozen). */
    public static final int MIN_CONCEPTS = 5;
    public static final int MAX_CONCEPTS = 300;
    /** Bounds of the derived concept target. */
    public static final int DEFAULT_MIN_CONCEPTS = 20;
    public static final int DEFAULT_MAX_CONCEPTS = 200;
    /** Concepts per chapter when {@code conceptTarget} is not given. */
    public static final int CONCEPTS_PER_CHAPTER = 12;

    public CourseBrief {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        title = title.strip();
        level = clean(level);
        audience = clean(audience);
        description = clean(description);
        tone = clean(tone);
        prerequisites = items("prerequisites", prerequisites);
        outcomes = items("outcomes", outcomes);
        if (chapters < MIN_CHAPTERS || chapters > MAX_CHAPTERS) {
            throw new IllegalArgumentException("chapters must be between " + MIN_CHAPTERS + " and " + MAX_CHAPTERS
                    + ", was " + chapters);
        }
        if (minutesPerChapter < MIN_MINUTES || minutesPerChapter > MAX_MINUTES) {
            throw new IllegalArgumentException("minutesPerChapter must be between " + MIN_MINUTES + " and "
                    + MAX_MINUTES + " (minutes of reading per chapter), was " + minutesPerChapter);
        }
        if (conceptTarget == 0) {
            conceptTarget = defaultConceptTarget(chapters);
        } else if (conceptTarget < MIN_CONCEPTS || conceptTarget > MAX_CONCEPTS) {
            throw new IllegalArgumentException("conceptTarget must be between " + MIN_CONCEPTS + " and "
                    + MAX_CONCEPTS + " (or left out to derive it from the number of chapters), was "
                    + conceptTarget);
        }
    }

    /** A brief whose concept target is derived from the number of chapters. */
    public CourseBrief(String title, String level, String audience, String description, List<String> prerequisites,
                       List<String> outcomes, int chapters, int minutesPerChapter, String tone) {
        this(title, level, audience, description, prerequisites, outcomes, chapters, minutesPerChapter, tone, 0);
    }

    /**
     * {@value #CONCEPTS_PER_CHAPTER} concepts per chapter, kept within {@value #DEFAULT_MIN_CONCEPTS}..{@value
     * #DEFAULT_MAX_CONCEPTS}.
     */
    public static int defaultConceptTarget(int chapters) {
        return Math.clamp((long) chapters * CONCEPTS_PER_CHAPTER, DEFAULT_MIN_CONCEPTS, DEFAULT_MAX_CONCEPTS);
    }

    /** Reading time of the whole book in minutes. */
    public int totalMinutes() {
        return chapters * minutesPerChapter;
    }

    public CourseBrief withConceptTarget(int target) {
        return new CourseBrief(title, level, audience, description, prerequisites, outcomes, chapters,
                minutesPerChapter, tone, target);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> items(String field, List<String> list) {
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String item = list.get(i);
            if (item == null || item.isBlank()) {
                throw new IllegalArgumentException(field + " item " + (i + 1) + " is empty");
            }
            out.add(item.strip());
        }
        return List.copyOf(out);
    }
}
