package dev.ponder.book.brief;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ponder.book.content.BloomLevel;

/**
 * The action verbs of the revised (2001, Anderson and Krathwohl) Bloom taxonomy, each under one level, and a finder
 * for the verb of a learning outcome ("Students will be able to compare..." → compare, {@link BloomLevel#ANALYZE}).
 *
 * <p>Verbs that lists put under several levels are kept under one here; British spellings are accepted. Verbs
 * such as "understand", "know" or "learn" are not Bloom verbs: what they ask for cannot be observed.
 */
public final class BloomVerbs {

    /** A verb found in an outcome. {@code leading}: the outcome starts with it (after "Students will be able to"). */
    public record Match(String verb, BloomLevel level, boolean leading) {
    }

    private static final Map<BloomLevel, List<String>> VERBS = new EnumMap<>(BloomLevel.class);

    static {
        VERBS.put(BloomLevel.REMEMBER, List.of("define", "list", "recall", "identify", "name", "state", "recognize",
                "recognise", "label", "match", "memorize", "memorise", "retrieve", "repeat", "reproduce", "locate",
                "record", "enumerate", "quote", "cite"));
        VERBS.put(BloomLevel.UNDERSTAND, List.of("explain", "describe", "summarize", "summarise", "classify",
                "interpret", "paraphrase", "exemplify", "illustrate", "discuss", "translate", "restate", "report",
                "predict", "infer", "outline", "represent", "extend", "generalize", "generalise", "express",
                "review"));
        VERBS.put(BloomLevel.APPLY, List.of("apply", "implement", "use", "solve", "demonstrate", "execute",
                "compute", "calculate", "operate", "perform", "employ", "practice", "practise", "simulate",
                "program", "code", "train", "trace", "run", "modify", "estimate", "sketch", "show",
                "model", "encode", "prove", "derive"));
        VERBS.put(BloomLevel.ANALYZE, List.of("analyze", "analyse", "compare", "contrast", "differentiate",
                "distinguish", "discriminate", "examine", "organize", "organise", "attribute", "deconstruct",
                "investigate", "diagnose", "debug", "inspect", "categorize", "categorise", "dissect", "relate",
                "decompose", "integrate", "structure", "detect"));
        VERBS.put(BloomLevel.EVALUATE, List.of("evaluate", "judge", "critique", "criticize", "criticise",
                "justify", "assess", "check", "test", "defend", "argue", "appraise", "recommend", "rank",
                "prioritize", "prioritise", "choose", "select", "decide", "verify", "validate", "weigh", "conclude",
                "measure", "monitor", "rate", "benchmark"));
        VERBS.put(BloomLevel.CREATE, List.of("design", "create", "construct", "develop", "formulate", "generate",
                "plan", "produce", "build", "compose", "invent", "devise", "propose", "author", "write",
                "hypothesize", "hypothesise", "synthesize", "synthesise", "assemble", "combine", "compile",
                "prototype", "architect", "engineer", "adapt"));
    }

    private static final Map<String, BloomLevel> LEVEL_OF = new HashMap<>();

    static {
        VERBS.forEach((level, verbs) -> verbs.forEach(v -> {
            if (LEVEL_OF.putIfAbsent(v, level) != null) {
                throw new ExceptionInInitializerError("Bloom verb listed twice: " + v);
            }
        }));
    }

    /** Not Bloom verbs: the learner's state of mind, which cannot be observed or tested. */
    private static final Set<String> VAGUE = Set.of("understand", "know", "learn", "appreciate", "comprehend",
            "grasp", "realize", "realise", "become", "be", "gain", "get", "see", "familiarize", "familiarise",
            "master", "explore", "study");

    /** Verbs that are as often nouns ("a list of", "the state space"): trusted only at the start of an outcome. */
    private static final Set<String> AMBIGUOUS = Set.of("list", "name", "state", "match", "record", "label",
            "test", "check", "code", "program", "plan", "model", "report", "review", "run", "show", "rate", "measure",
            "structure", "use", "design", "trace", "practice", "attribute", "sketch", "quote", "estimate",
            "benchmark", "prototype", "engineer", "architect", "author", "compile", "express", "extend", "monitor",
            "represent", "cite", "train");

    /** "Students will be able to", "By the end of the course, you should", "1.", "-", ... */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:[-*•]\\s*|\\(?\\d+[.)]\\s*)?"
                    + "(?:(?:by the end of|at the end of|upon completion of|on completion of|after completing|after) "
                    + "(?:this|the) (?:course|book|chapter|module|unit),?\\s*)?"
                    + "(?:(?:the |each |a )?(?:students?|learners?|readers?|participants?|you|they|we)\\s+)?"
                    + "(?:(?:will|should|shall|can|must|are expected to)\\s+)?"
                    + "(?:be (?:able|expected) to\\s+)?");

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private BloomVerbs() {
    }

    /** The level a verb belongs to; also accepts the third person ("explains", "analyses"). */
    public static Optional<BloomLevel> levelOf(String verb) {
        return Optional.ofNullable(baseForm(verb.toLowerCase(Locale.ROOT).strip())).map(LEVEL_OF::get);
    }

    /** The commonest verbs of a level, for hints. */
    public static List<String> examples(BloomLevel level) {
        return VERBS.get(level).subList(0, 4);
    }

    /** Every verb of a level, commonest first. */
    public static List<String> verbs(BloomLevel level) {
        return VERBS.get(level);
    }

    /**
     * The Bloom verb of an outcome: its first word after a lead-in such as "Students will be able to" (a leading
     * match); failing that, the first Bloom verb anywhere else in it that cannot be read as a noun (not leading:
     * a caller should ask for the verb to come first).
     */
    public static Optional<Match> find(String outcome) {
        String text = outcome.strip().toLowerCase(Locale.ROOT);
        String rest = LEAD_IN.matcher(text).replaceFirst("");
        var words = WORD.matcher(rest);
        if (words.find()) {
            String first = words.group();
            String base = baseForm(first);
            if (base != null) {
                return Optional.of(new Match(base, LEVEL_OF.get(base), true));
            }
        }
        var all = WORD.matcher(text);
        while (all.find()) {
            String base = baseForm(all.group());
            if (base != null && !AMBIGUOUS.contains(base)) {
                return Optional.of(new Match(base, LEVEL_OF.get(base), false));
            }
        }
        return Optional.empty();
    }

    /** The vague verb an outcome starts with ("understand", "know", "learn", ...), if it does. */
    public static Optional<String> vagueLead(String outcome) {
        String rest = LEAD_IN.matcher(outcome.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        var words = WORD.matcher(rest);
        if (words.find() && VAGUE.contains(words.group())) {
            return Optional.of(words.group());
        }
        return Optional.empty();
    }

    /** The Bloom verb that {@code word} is a form of (base or third person singular), or null. */
    private static String baseForm(String word) {
        if (LEVEL_OF.containsKey(word)) {
            return word;
        }
        if (word.endsWith("ies") && LEVEL_OF.containsKey(word.substring(0, word.length() - 3) + "y")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && LEVEL_OF.containsKey(word.substring(0, word.length() - 2))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && LEVEL_OF.containsKey(word.substring(0, word.length() - 1))) {
            return word.substring(0, word.length() - 1);
        }
        return null;
    }
}
