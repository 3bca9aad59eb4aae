package dev.ponder.book.brief;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import dev.ponder.store.AtomicWrite;

/**
 * Reads and writes a {@link CourseBrief} as YAML, the file a professor edits:
 *
 * <pre>
 * title: Introduction to Artificial Intelligence
 * level: undergraduate, first year
 * audience: ...
 * description: ...
 * prerequisites: [...]
 * outcomes:
 *   - Explain how ...
 * chapters: 10
 * minutesPerChapter: 45
 * tone: ...
 * conceptTarget: 120      # optional
 * </pre>
 *
 * <p>Required: {@code title, description, outcomes, chapters, minutesPerChapter}. A field this version does not know
 * is an error (a misspelt {@code outcome:} would otherwise silently drop every outcome), and so is a syntax error;
 * messages name the file, the field and, where known, the line and column.
 */
public final class BriefFiles {

    /** The fields of a brief file, in the order they are written. */
    public static final List<String> FIELDS = List.of("title", "level", "audience", "description", "prerequisites",
            "outcomes", "chapters", "minutesPerChapter", "tone", "conceptTarget");

    /** Fields a brief file must have. */
    public static final List<String> REQUIRED = List.of("title", "description", "outcomes", "chapters",
            "minutesPerChapter");

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private static final String HEADER = """
            # Course brief for Ponder's textbook generator. Outcomes start with a Bloom verb (define, explain,
            # implement, compare, evaluate, design, ...); the brief should score 70 or more before generating.
            """;

    /** The file as written: every field nullable, so that what is missing can be reported all at once. */
    record BriefYaml(String title, String level, String audience, String description, List<String> prerequisites,
                     List<String> outcomes, Integer chapters, Integer minutesPerChapter, String tone,
                     Integer conceptTarget) {
    }

    private BriefFiles() {
    }

    /**
     * The brief in {@code file}.
     *
     * @throws BriefFileException when the file is not valid YAML or not a valid brief; the message says why
     * @throws IOException        when it cannot be read
     */
    public static CourseBrief load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BriefFileException(file, "no such file", 0, 0, e);
        }
        return parse(text, file);
    }

    /** A brief from YAML text; {@code source} names it in messages. */
    public static CourseBrief parse(String yaml, Path source) throws BriefFileException {
        if (yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            throw new BriefFileException(source, "the file is empty; a brief needs at least "
                    + String.join(", ", REQUIRED), 0, 0, null);
        }
        BriefYaml raw;
        try {
            raw = YAML.readValue(yaml, BriefYaml.class);
        } catch (JacksonYAMLParseException e) {
            throw syntaxError(source, e);
        } catch (UnrecognizedPropertyException e) {
            throw unknownField(source, yaml, e);
        } catch (MismatchedInputException e) {
            throw wrongType(source, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = firstLine(e.getOriginalMessage());
            var duplicate = Pattern.compile("^Duplicate field '(.*)'$").matcher(message);
            String detail = duplicate.matches() ? "field '" + duplicate.group(1) + "' is given twice" : message;
            throw new BriefFileException(source, detail, line(at), column(at), e);
        }
        if (raw == null) {
            throw new BriefFileException(source, "the file is empty", 0, 0, null);
        }
        List<String> missing = new ArrayList<>();
        if (raw.title() == null || raw.title().isBlank()) {
            missing.add("title");
        }
        if (raw.description() == null) {
            missing.add("description");
        }
        if (raw.outcomes() == null) {
            missing.add("outcomes");
        }
        if (raw.chapters() == null) {
            missing.add("chapters");
        }
        if (raw.minutesPerChapter() == null) {
            missing.add("minutesPerChapter");
        }
        if (!missing.isEmpty()) {
            throw new BriefFileException(source, (missing.size() == 1 ? "missing required field " : "missing "
                    + "required fields ") + missing.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "))
                    + " (a brief must have " + String.join(", ", REQUIRED) + ")", 0, 0, null);
        }
        try {
            return new CourseBrief(raw.title(), raw.level(), raw.audience(), raw.description(), raw.prerequisites(),
                    raw.outcomes(), raw.chapters(), raw.minutesPerChapter(), raw.tone(),
                    raw.conceptTarget() == null ? 0 : raw.conceptTarget());
        } catch (IllegalArgumentException e) {
            // The record's messages start with the field's name: "chapters must be between ..."
            String field = e.getMessage().split(" ", 2)[0];
            int line = FIELDS.contains(field) ? keyLine(yaml, field) : 0;
            throw new BriefFileException(source, e.getMessage(), line, line > 0 ? 1 : 0, e);
        }
    }

    /** Writes {@code brief} to {@code file} (replacing it atomically), with its concept target spelt out. */
    public static void write(Path file, CourseBrief brief) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicWrite.writeString(file, toYaml(brief));
    }

    /**
     * The YAML text {@link #write} writes: fields in the order of {@link #FIELDS}, long prose fields as folded blocks
     * ({@code >-}) and text with line breaks as literal blocks ({@code |}), so that the file stays pleasant to edit.
     */
    public static String toYaml(CourseBrief brief) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", new Prose(brief.title()));
        fields.put("level", new Prose(brief.level()));
        fields.put("audience", new Prose(brief.audience()));
        fields.put("description", new Prose(brief.description()));
        fields.put("prerequisites", brief.prerequisites());
        fields.put("outcomes", brief.outcomes());
        fields.put("chapters", brief.chapters());
        fields.put("minutesPerChapter", brief.minutesPerChapter());
        fields.put("tone", new Prose(brief.tone()));
        fields.put("conceptTarget", brief.conceptTarget());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(WIDTH);
        options.setSplitLines(true);
        return HEADER + new Yaml(new ProseRepresenter(options), options).dump(fields);
    }

    private static final int WIDTH = 100;

    /** A top-level text field: written as a folded block ({@code >-}) when it is too long for one line. */
    private record Prose(String text) {
    }

    /**
     * Strings as plain scalars; prose too long for a line as a folded block, prose with line breaks as a literal
     * block. SnakeYAML's emitter falls back to a quoted style wherever the chosen one could not hold the text
     * exactly, and quotes text that would read back as another type ("10", "yes", "null").
     */
    private static final class ProseRepresenter extends Representer {
        ProseRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> representScalar(Tag.STR, (String) data,
                    DumperOptions.ScalarStyle.PLAIN));
            this.representers.put(Prose.class, data -> {
                String text = ((Prose) data).text();
                DumperOptions.ScalarStyle style = text.contains("\n") ? DumperOptions.ScalarStyle.LITERAL
                        : text.length() > WIDTH - 20 ? DumperOptions.ScalarStyle.FOLDED
                        : DumperOptions.ScalarStyle.PLAIN;
                return representScalar(Tag.STR, text, style);
            });
        }
    }

    private static BriefFileException syntaxError(Path source, JacksonYAMLParseException e) {
        String problem = firstLine(e.getOriginalMessage());
        int line = line(e.getLocation());
        int column = column(e.getLocation());
        if (e.getCause() instanceof MarkedYAMLException marked) {
            Mark at = Optional.ofNullable(marked.getProblemMark()).orElse(marked.getContextMark());
            Mark context = marked.getContextMark();
            problem = Optional.ofNullable(marked.getProblem()).orElse("");
            if (marked.getContext() != null) {
                problem = problem + " " + marked.getContext()
                        + (context != null && at != null && context.getLine() != at.getLine()
                        ? " that starts at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1)
                        : "");
            }
            problem = problem.strip();
            if (at != null) {
                line = at.getLine() + 1;
                column = at.getColumn() + 1;
            }
        }
        return new BriefFileException(source, "YAML syntax error: " + problem, line, column, e);
    }

    private static BriefFileException unknownField(Path source, String yaml, UnrecognizedPropertyException e) {
        String field = e.getPropertyName();
        String detail = "unknown field '" + field + "'"
                + closest(field, FIELDS).map(f -> "; did you mean '" + f + "'?").orElse("")
                + " (the fields of a brief are " + String.join(", ", FIELDS) + ")";
        // Jackson's location is where it stopped reading (after the value); the key's own line is more use.
        int line = keyLine(yaml, field);
        return line > 0 ? new BriefFileException(source, detail, line, 1, e)
                : new BriefFileException(source, detail, line(e.getLocation()), column(e.getLocation()), e);
    }

    /** The 1-based line where a top-level key is written, 0 when not found. */
    private static int keyLine(String yaml, String key) {
        Pattern keyPattern = Pattern.compile("^(?:" + Pattern.quote(key) + "|\"" + Pattern.quote(key) + "\"|'"
                + Pattern.quote(key) + "')\\s*:(?:\\s|$)");
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (keyPattern.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static BriefFileException wrongType(Path source, MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "item " + (r.getIndex() + 1))
                .collect(Collectors.joining(" "));
        String detail;
        if (field.isEmpty()) {
            detail = "a brief is a mapping of fields (title: ..., outcomes: ..., chapters: ...), not "
                    + (String.valueOf(e.getOriginalMessage()).contains("START_ARRAY") ? "a list" : "a single value");
        } else {
            detail = "field '" + field + "' should be " + expected(e.getTargetType(), e.getPath().size() > 1);
        }
        return new BriefFileException(source, detail, line(e.getLocation()), column(e.getLocation()), e);
    }

    private static String expected(Class<?> type, boolean item) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list (lines starting with '- ')";
        }
        if (type == String.class) {
            return item ? "a line of text, not a list or mapping" : "text, not a list or mapping";
        }
        return "a " + type.getSimpleName();
    }

    /** The known field closest to a misspelt one, if any is close. */
    static Optional<String> closest(String field, List<String> known) {
        String key = normal(field);
        return known.stream()
                .filter(k -> normal(k).equals(key) || distance(normal(k), key) <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(k -> distance(normal(k), key)));
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int line(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? 0 : at.getLineNr();
    }

    private static int column(JsonLocation at) {
        return at == null || at.getColumnNr() < 0 ? 0 : at.getColumnNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
