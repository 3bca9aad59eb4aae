package dev.ponder.book.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ponder.store.AtomicWrite;

/**
 * {@code learning-graph.csv} ({@code ConceptID,ConceptLabel,Dependencies,TaxonomyID}, dependencies {@code |}-separated,
 * RFC 4180 quoting) and {@code learning-graph.json} (vis-network's {@code nodes} and {@code edges}, an edge running
 * from a dependency to the concept that needs it, plus McCreary's {@code groups} legend:
 * {@code {"FOUND":{"classifierName":"Foundation Concepts"}}}). Files are replaced atomically; reading gives back
 * exactly the graph written.
 */
public final class LearningGraphFiles {

    public static final String CSV_FILE = "learning-graph.csv";
    public static final String JSON_FILE = "learning-graph.json";
    public static final List<String> CSV_HEADER = List.of("ConceptID", "ConceptLabel", "Dependencies", "TaxonomyID");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LearningGraphFiles() {
    }

    /** Writes {@value #CSV_FILE} and {@value #JSON_FILE} into {@code directory}, creating it if needed. */
    public static void write(Path directory, LearningGraph graph) throws IOException {
        Files.createDirectories(directory);
        AtomicWrite.writeString(directory.resolve(CSV_FILE), toCsv(graph));
        AtomicWrite.writeString(directory.resolve(JSON_FILE), toJson(graph));
    }

    /**
     * Reads the graph {@link #write} wrote: concepts from {@value #CSV_FILE}, taxonomy names from the legend of
     * {@value #JSON_FILE} where that file exists (otherwise each taxonomy is named by its id).
     */
    public static LearningGraph read(Path directory) throws IOException {
        LearningGraph graph = readCsv(directory.resolve(CSV_FILE));
        Path json = directory.resolve(JSON_FILE);
        if (!Files.exists(json)) {
            return graph;
        }
        List<Taxonomy> legend = readJson(json).taxonomies();
        Map<String, Taxonomy> named = new LinkedHashMap<>();
        legend.forEach(t -> named.put(t.id(), t));
        graph.taxonomies().forEach(t -> named.putIfAbsent(t.id(), t));
        return new LearningGraph(graph.concepts(), List.copyOf(named.values()));
    }

    public static void writeCsv(Path file, LearningGraph graph) throws IOException {
        AtomicWrite.writeString(file, toCsv(graph));
    }

    public static void writeJson(Path file, LearningGraph graph) throws IOException {
        AtomicWrite.writeString(file, toJson(graph));
    }

    /** The graph as {@value #CSV_FILE}: a header row, then one row per concept in the graph's order. */
    public static String toCsv(LearningGraph graph) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append('\n');
        for (Concept concept : graph.concepts()) {
            csv.append(concept.id()).append(',')
                    .append(csvField(concept.label())).append(',')
                    .append(concept.dependencies().stream().map(String::valueOf).collect(Collectors.joining("|")))
                    .append(',')
                    .append(csvField(concept.taxonomyId())).append('\n');
        }
        return csv.toString();
    }

    /** The graph in vis-network's format; edges run from a dependency to its dependent. */
    public static String toJson(LearningGraph graph) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode groups = root.putObject("groups");
        for (Taxonomy taxonomy : graph.taxonomies()) {
            groups.putObject(taxonomy.id()).put("classifierName", taxonomy.name());
        }
        ArrayNode nodes = root.putArray("nodes");
        ArrayNode edges = root.putArray("edges");
        for (Concept concept : graph.concepts()) {
            nodes.addObject().put("id", concept.id()).put("label", concept.label()).put("group", concept.taxonomyId());
            for (int dependency : concept.dependencies()) {
                edges.addObject().put("from", dependency).put("to", concept.id());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@value #CSV_FILE}; taxonomies are those the concepts use, in order of first use, named by id. */
    public static LearningGraph readCsv(Path file) throws IOException {
        return parseCsv(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    public static LearningGraph readJson(Path file) throws IOException {
        return parseJson(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    /** @param file named in error messages; may be null */
    public static LearningGraph parseCsv(String text, Path file) throws GraphFileException {
        List<Row> rows = csvRows(text, file);
        if (rows.isEmpty()) {
            throw new GraphFileException(file, 0, "empty file: expected the header "
                    + String.join(",", CSV_HEADER), null);
        }
        Row header = rows.getFirst();
        if (header.fields().size() != CSV_HEADER.size() || !header.fields().stream().map(String::strip)
                .map(s -> s.toLowerCase(Locale.ROOT)).toList()
                .equals(CSV_HEADER.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())) {
            throw new GraphFileException(file, header.line(), "expected the header " + String.join(",", CSV_HEADER)
                    + ", found " + String.join(",", header.fields()), null);
        }
        List<Concept> concepts = new ArrayList<>();
        Set<String> taxonomyIds = new LinkedHashSet<>();
        for (Row row : rows.subList(1, rows.size())) {
            List<String> fields = row.fields();
            if (fields.size() != CSV_HEADER.size()) {
                throw new GraphFileException(file, row.line(), "expected " + CSV_HEADER.size() + " fields, found "
                        + fields.size() + " (quote a label that contains a comma)", null);
            }
            int id = integer(fields.get(0).strip(), "ConceptID", file, row.line());
            List<Integer> dependencies = new ArrayList<>();
            String list = fields.get(2).strip();
            if (!list.isEmpty()) {
                for (String part : list.split("\\|", -1)) {
                    dependencies.add(integer(part.strip(), "dependency", file, row.line()));
                }
            }
            String taxonomy = fields.get(3).strip();
            taxonomyIds.add(taxonomy);
            concepts.add(new Concept(id, fields.get(1), dependencies, taxonomy));
        }
        return new LearningGraph(concepts, taxonomyIds.stream().map(t -> new Taxonomy(t, t)).toList());
    }

    /** Reads vis-network's format as {@link #toJson} writes it; dependencies follow the order of the edges. */
    public static LearningGraph parseJson(String text, Path file) throws GraphFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new GraphFileException(file, line, "not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("nodes").isArray()) {
            throw new GraphFileException(file, 0, "expected an object with a \"nodes\" array", null);
        }
        Map<Integer, List<Integer>> dependencies = new LinkedHashMap<>();
        for (JsonNode edge : root.path("edges")) {
            if (!edge.path("from").canConvertToExactIntegral() || !edge.path("to").canConvertToExactIntegral()) {
                throw new GraphFileException(file, 0, "an edge needs whole-number \"from\" and \"to\": " + edge, null);
            }
            dependencies.computeIfAbsent(edge.get("to").asInt(), k -> new ArrayList<>()).add(edge.get("from").asInt());
        }
        List<Concept> concepts = new ArrayList<>();
        Map<String, Taxonomy> taxonomies = new LinkedHashMap<>();
        JsonNode groups = root.path("groups");
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            taxonomies.put(group.getKey(), new Taxonomy(group.getKey(),
                    group.getValue().path("classifierName").asText(group.getKey())));
        }
        for (JsonNode node : root.get("nodes")) {
            if (!node.path("id").canConvertToExactIntegral() || !node.path("label").isTextual()) {
                throw new GraphFileException(file, 0, "a node needs a whole-number \"id\" and a text \"label\": "
                        + node, null);
            }
            int id = node.get("id").asInt();
            String group = node.path("group").asText("");
            taxonomies.putIfAbsent(group, new Taxonomy(group, group));
            concepts.add(new Concept(id, node.get("label").asText(), dependencies.getOrDefault(id, List.of()), group));
        }
        return new LearningGraph(concepts, List.copyOf(taxonomies.values()));
    }

    private static int integer(String text, String what, Path file, int line) throws GraphFileException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new GraphFileException(file, line, what + " \"" + text + "\" is not a whole number", e);
        }
    }

    /** Quotes a field where RFC 4180 requires it: commas, quotes, line breaks, or spaces at either end. */
    static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip());
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private record Row(int line, List<String> fields) {
    }

    /** RFC 4180 records; a byte-order mark, CRLF or LF, and blank lines are accepted. */
    private static List<Row> csvRows(String text, Path file) throws GraphFileException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.isEmpty() && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        throw new GraphFileException(file, line, "a quote inside an unquoted field: quote the whole"
                                + " field and double the quote", null);
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '\r' -> {
                    // Part of CRLF; a lone CR is treated as a line end too.
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    endRow(rows, fields, field, wasQuoted, rowLine);
                    wasQuoted = false;
                    line++;
                    rowLine = line;
                }
                case '\n' -> {
                    endRow(rows, fields, field, wasQuoted, rowLine);
                    wasQuoted = false;
                    line++;
                    rowLine = line;
                }
                default -> {
                    if (wasQuoted && !Character.isWhitespace(c)) {
                        throw new GraphFileException(file, line, "text after a closing quote", null);
                    }
                    if (!wasQuoted) {
                        field.append(c);
                    }
                }
            }
            i++;
        }
        if (quoted) {
            throw new GraphFileException(file, rowLine, "a quoted field is never closed", null);
        }
        endRow(rows, fields, field, wasQuoted, rowLine);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean wasQuoted,
                               int line) {
        if (fields.isEmpty() && field.isEmpty() && !wasQuoted) {
            return; // a blank line
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(new Row(line, List.copyOf(fields)));
        fields.clear();
    }
}
