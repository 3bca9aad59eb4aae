package dev.ponder.book.brief;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ponder.book.content.BloomLevel;

/**
 * McCreary's course-description check, automated: a {@link CourseBrief} is scored 1–100 from named parts (title,
 * level, audience, description, prerequisites, outcomes and their Bloom verbs, length), and hints say what to add.
 * Generation should not start below {@value #GOOD_ENOUGH}.
 */
public final class BriefScore {

    /** McCreary: do not go on to the learning graph below this. */
    public static final int GOOD_ENOUGH = 70;

    public static final String TITLE = "Title";
    public static final String LEVEL = "Level";
    public static final String AUDIENCE = "Audience";
    public static final String DESCRIPTION = "Description";
    public static final String PREREQUISITES = "Prerequisites";
    public static final String OUTCOME_COUNT = "Outcome count";
    public static final String BLOOM_VERBS = "Bloom verbs";
    public static final String BLOOM_COVERAGE = "Bloom coverage";
    public static final String CHAPTERS = "Chapters";
    public static final String READING_TIME = "Reading time";

    /** Words in a description that is enough to generate from. */
    static final int DESCRIPTION_WORDS = 100;
    /** Outcomes in a good brief. */
    static final int GOOD_OUTCOMES = 5;

    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Set<String> NONE = Set.of("none", "nothing", "no prerequisites", "n/a");

    /** One named part of the score. */
    public record Part(String name, int points, int max, String comment) {
        public Part {
            if (points < 0 || points > max) {
                throw new IllegalArgumentException(name + ": " + points + " points out of " + max);
            }
        }

        public boolean full() {
            return points == max;
        }
    }

    /** The total (1–100), its parts in a fixed order, and what to add to the brief, most important first. */
    public record Score(int total, List<Part> parts, List<String> hints) {
        public Score {
            parts = List.copyOf(parts);
            hints = List.copyOf(hints);
        }

        /** McCreary's threshold: a brief below {@value BriefScore#GOOD_ENOUGH} is not worth generating from. */
        public boolean goodEnough() {
            return total >= GOOD_ENOUGH;
        }

        /** The part of that name ({@link BriefScore#TITLE}, ...). */
        public Part part(String name) {
            return parts.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no part named " + name));
        }

        /** A plain-text table of the parts and the hints, for the command line and the job report. */
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append("Course brief score: ").append(total).append("/100")
                    .append(goodEnough() ? " (good enough to generate from)"
                            : " (below " + GOOD_ENOUGH + ": improve the brief before generating)")
                    .append('\n');
            for (Part p : parts) {
                out.append(String.format(Locale.ROOT, "  %-15s %3d/%-3d %s%n", p.name(), p.points(), p.max(),
                        p.comment()));
            }
            if (!hints.isEmpty()) {
                out.append("To improve it:\n");
                hints.forEach(h -> out.append("  - ").append(h).append('\n'));
            }
            return out.toString();
        }
    }

    private BriefScore() {
    }

    public static Score score(CourseBrief brief) {
        List<Part> parts = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        parts.add(title(brief.title(), hints));
        parts.add(level(brief.level(), hints));
        parts.add(audience(brief.audience(), hints));
        parts.add(description(brief.description(), hints));
        parts.add(prerequisites(brief.prerequisites(), hints));
        parts.add(outcomeCount(brief.outcomes(), hints));
        List<Optional<BloomVerbs.Match>> matches = brief.outcomes().stream().map(BloomVerbs::find).toList();
        parts.add(bloomVerbs(brief.outcomes(), matches, hints));
        parts.add(bloomCoverage(matches, hints));
        parts.add(chapters(brief.chapters(), hints));
        parts.add(readingTime(brief.minutesPerChapter(), hints));
        if (brief.tone().isEmpty()) {
            hints.add("Say what tone the book should take (e.g. 'friendly and precise, with worked examples'); "
                    + "without it the model picks one");
        }
        int total = parts.stream().mapToInt(Part::points).sum();
        return new Score(Math.clamp(total, 1, 100), parts, hints);
    }

    private static Part title(String title, List<String> hints) {
        int max = 5;
        int words = wordCount(title);
        if (words >= 2 || title.length() >= 8) {
            if (title.length() > 100) {
                hints.add("Shorten the title to under 100 characters; put the detail in the description");
                return new Part(TITLE, 3, max, "present but long (" + title.length() + " characters)");
            }
            return new Part(TITLE, max, max, "\"" + title + "\"");
        }
        hints.add("Give a more descriptive title than \"" + title + "\", e.g. 'Introduction to Artificial "
                + "Intelligence'");
        return new Part(TITLE, 3, max, "present but terse");
    }

    private static Part level(String level, List<String> hints) {
        int max = 5;
        if (level.isEmpty()) {
            hints.add("State the level of the course, e.g. 'undergraduate, first year' or 'high school'");
            return new Part(LEVEL, 0, max, "missing");
        }
        return new Part(LEVEL, max, max, level);
    }

    private static Part audience(String audience, List<String> hints) {
        int max = 10;
        if (audience.isEmpty()) {
            hints.add("Describe the audience: who the readers are and what they want from the course, e.g. "
                    + "'first-year computer science and engineering students'");
            return new Part(AUDIENCE, 0, max, "missing");
        }
        if (wordCount(audience) < 3) {
            hints.add("Say more about the audience than \"" + audience + "\": their background and why they take "
                    + "the course");
            return new Part(AUDIENCE, 6, max, "terse");
        }
        return new Part(AUDIENCE, max, max, "described");
    }

    private static Part description(String description, List<String> hints) {
        int max = 15;
        int words = wordCount(description);
        int points = words >= DESCRIPTION_WORDS ? max
                : words >= DESCRIPTION_WORDS / 2 ? 10
                : words >= DESCRIPTION_WORDS / 5 ? 5
                : 0;
        if (points < max) {
            hints.add((words == 0 ? "Add a description" : "Expand the description (" + words + " words)")
                    + " to at least " + DESCRIPTION_WORDS + " words: the topics the course covers, what it leaves "
                    + "out, and how it is taught");
        }
        return new Part(DESCRIPTION, points, max, words == 0 ? "missing" : words + " words");
    }

    private static Part prerequisites(List<String> prerequisites, List<String> hints) {
        int max = 10;
        if (prerequisites.isEmpty()) {
            hints.add("List the prerequisites (what readers must already know), or write 'none' if there are none");
            return new Part(PREREQUISITES, 0, max, "not listed");
        }
        if (prerequisites.size() == 1 && NONE.contains(prerequisites.getFirst().toLowerCase(Locale.ROOT))) {
            return new Part(PREREQUISITES, max, max, "none required");
        }
        return new Part(PREREQUISITES, max, max, prerequisites.size() + " listed");
    }

    private static Part outcomeCount(List<String> outcomes, List<String> hints) {
        int max = 15;
        int n = outcomes.size();
        int points = n >= GOOD_OUTCOMES ? max : n >= 3 ? 9 : n >= 1 ? 4 : 0;
        if (n < GOOD_OUTCOMES) {
            hints.add((n == 0 ? "Add learning outcomes" : "Add learning outcomes (" + n + " now)")
                    + ": at least " + GOOD_OUTCOMES + ", each a sentence starting with a Bloom verb, e.g. "
                    + "'Explain how breadth-first search finds a shortest path'");
        }
        return new Part(OUTCOME_COUNT, points, max, n + (n == 1 ? " outcome" : " outcomes"));
    }

    private static Part bloomVerbs(List<String> outcomes, List<Optional<BloomVerbs.Match>> matches,
                                   List<String> hints) {
        int max = 20;
        if (outcomes.isEmpty()) {
            return new Part(BLOOM_VERBS, 0, max, "no outcomes to check");
        }
        double credit = 0;
        int leading = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            int number = i + 1;
            Optional<BloomVerbs.Match> match = matches.get(i);
            if (match.isPresent() && match.get().leading()) {
                credit += 1;
                leading++;
            } else if (match.isPresent()) {
                credit += 0.5;
                hints.add("Outcome " + number + " does not start with its Bloom verb: begin it with '"
                        + match.get().verb() + "' (or another verb for what the learner will do)");
            } else {
                Optional<String> vague = BloomVerbs.vagueLead(outcomes.get(i));
                hints.add("Outcome " + number + " has no Bloom verb"
                        + vague.map(v -> " ('" + v + "' cannot be observed or tested)").orElse("")
                        + ": start it with a verb such as 'explain' or 'implement'");
            }
        }
        int points = (int) Math.round(max * credit / outcomes.size());
        return new Part(BLOOM_VERBS, points, max,
                leading + " of " + outcomes.size() + " outcomes start with a Bloom verb");
    }

    private static Part bloomCoverage(List<Optional<BloomVerbs.Match>> matches, List<String> hints) {
        int max = 10;
        Set<BloomLevel> covered = EnumSet.noneOf(BloomLevel.class);
        matches.forEach(m -> m.ifPresent(match -> covered.add(match.level())));
        int n = covered.size();
        int points = (int) Math.round(max * n / (double) BloomLevel.values().length);
        if (!covered.isEmpty()) { // with no verb at all, the hints on each outcome say enough
            Set<BloomLevel> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
            for (BloomLevel level : missing) {
                List<String> verbs = BloomVerbs.examples(level);
                hints.add("No outcome at the '" + name(level) + "' level: add one starting with a verb such as '"
                        + verbs.get(0) + "', '" + verbs.get(1) + "' or '" + verbs.get(2) + "'");
            }
        }
        String comment = n == 0 ? "no Bloom levels"
                : n + " of 6 levels (" + covered.stream().map(BriefScore::name).collect(Collectors.joining(", "))
                        + ")";
        return new Part(BLOOM_COVERAGE, points, max, comment);
    }

    private static Part chapters(int chapters, List<String> hints) {
        int max = 5;
        if (chapters >= 3 && chapters <= 30) {
            return new Part(CHAPTERS, max, max, chapters + " chapters");
        }
        hints.add(chapters < 3
                ? "Plan at least 3 chapters (" + chapters + " now): a textbook needs room to build concepts up"
                : "Plan at most 30 chapters (" + chapters + " now), or split the course into volumes");
        return new Part(CHAPTERS, 2, max, chapters + (chapters == 1 ? " chapter" : " chapters") + ", implausible");
    }

    private static Part readingTime(int minutes, List<String> hints) {
        int max = 5;
        if (minutes >= 10 && minutes <= 120) {
            return new Part(READING_TIME, max, max, minutes + " minutes per chapter");
        }
        hints.add(minutes < 10
                ? "Allow at least 10 minutes of reading per chapter (" + minutes + " now): there is no room for "
                        + "worked examples in less"
                : "Keep chapters under 2 hours of reading (" + minutes + " minutes now): split long chapters");
        return new Part(READING_TIME, 2, max, minutes + " minutes per chapter, implausible");
    }

    private static String name(BloomLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    static int wordCount(String text) {
        int n = 0;
        var m = WORDS.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
