package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@link GraphChecks#check} found. Concepts are named by id throughout; {@link #graph()} has their labels.
 * <p>
 * {@link #errors()} make the graph unusable for ordering chapters ({@link #acceptable()} is false while there are
 * any); {@link #warnings()} break McCreary's quality rules but do not block; {@link #problems()} is both. Orphans
 * (concepts nothing depends on) are listed but are no problem: every course ends in some goals. An orphan that is
 * also foundational is connected to nothing and is reported as isolated.
 *
 * @param graph               the graph checked
 * @param conceptCount        how many concepts it has (rows, repeated ids included)
 * @param foundations         concepts without dependencies, ascending
 * @param duplicateIds        ids used by more than one concept
 * @param selfDependencies    concepts that list themselves as a dependency
 * @param unknownDependencies dependencies on ids that no concept has
 * @param cycles              one cycle per knot of mutually dependent concepts: each depends on the next, the last on
 *                            the first
 * @param orphans             concepts nothing depends on, ascending
 * @param isolated            foundational orphans: no dependencies and no dependents
 * @param unreachable         concepts with no dependency path from a foundational concept
 * @param subgraphs           weakly connected components, each ascending, ordered by lowest id
 * @param longestChain        the longest dependency chain outside cycles, from a foundation to the concept at its end
 * @param mostDependedUpon    up to ten concepts with the most direct dependents, most first
 * @param taxonomySpread      concepts per taxonomy: declared ones in their order, then undeclared ones in use
 * @param labelProblems       labels that break {@link LabelRules}
 * @param duplicateLabels     labels used by several concepts (ignoring case and spacing)
 * @param taxonomyProblems    taxonomy ids of the wrong shape, declared twice, or used without being declared
 */
public record GraphReport(LearningGraph graph, int conceptCount, List<Integer> foundations, List<Integer> duplicateIds,
                          List<Integer> selfDependencies, List<UnknownDependency> unknownDependencies,
                          List<List<Integer>> cycles, List<Integer> orphans, List<Integer> isolated,
                          List<Integer> unreachable, List<List<Integer>> subgraphs, List<Integer> longestChain,
                          List<DependedUpon> mostDependedUpon, List<TaxonomyShare> taxonomySpread,
                          List<LabelProblem> labelProblems, List<DuplicateLabel> duplicateLabels,
                          List<String> taxonomyProblems) {

    /** The largest share of all concepts one taxonomy may hold. */
    public static final double MAX_TAXONOMY_SHARE = 0.30;

    /** Concept {@code conceptId} depends on {@code missingId}, which no concept has. */
    public record UnknownDependency(int conceptId, int missingId) {
    }

    /** Concept {@code conceptId} is a direct dependency of {@code dependents} concepts. */
    public record DependedUpon(int conceptId, int dependents) {
    }

    /**
     * @param share     {@code count} over all concepts, 0–1
     * @param declared  whether the graph's taxonomy list has this id
     * @param overLimit whether {@code share} is above {@link #MAX_TAXONOMY_SHARE}
     */
    public record TaxonomyShare(String taxonomyId, String name, int count, double share, boolean declared,
                                boolean overLimit) {
    }

    /** @param problem a phrase following "the label", as {@link LabelRules#problems} gives it */
    public record LabelProblem(int conceptId, String label, String problem) {
    }

    public record DuplicateLabel(String label, List<Integer> conceptIds) {

        public DuplicateLabel {
            conceptIds = List.copyOf(conceptIds);
        }
    }

    public GraphReport {
        foundations = List.copyOf(foundations);
        duplicateIds = List.copyOf(duplicateIds);
        selfDependencies = List.copyOf(selfDependencies);
        unknownDependencies = List.copyOf(unknownDependencies);
        cycles = cycles.stream().map(List::copyOf).toList();
        orphans = List.copyOf(orphans);
        isolated = List.copyOf(isolated);
        unreachable = List.copyOf(unreachable);
        subgraphs = subgraphs.stream().map(List::copyOf).toList();
        longestChain = List.copyOf(longestChain);
        mostDependedUpon = List.copyOf(mostDependedUpon);
        taxonomySpread = List.copyOf(taxonomySpread);
        labelProblems = List.copyOf(labelProblems);
        duplicateLabels = List.copyOf(duplicateLabels);
        taxonomyProblems = List.copyOf(taxonomyProblems);
    }

    /** No cycles, no self or unknown dependencies, unique ids, everything reachable from foundations, not empty. */
    public boolean acceptable() {
        return errors().isEmpty();
    }

    /** Faults that make the graph unusable: while there are any, {@link #acceptable()} is false. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        if (conceptCount == 0) {
            errors.add("The learning graph has no concepts.");
            return errors;
        }
        for (int id : duplicateIds) {
            errors.add("Concept id " + id + " is used by more than one concept.");
        }
        if (foundations.isEmpty()) {
            errors.add("No concept is foundational: at least one must have no dependencies.");
        }
        for (int id : selfDependencies) {
            errors.add("Concept " + name(id) + " depends on itself.");
        }
        for (UnknownDependency unknown : unknownDependencies) {
            errors.add("Concept " + name(unknown.conceptId()) + " depends on " + unknown.missingId()
                    + ", which does not exist.");
        }
        for (List<Integer> cycle : cycles) {
            errors.add("Cycle: " + chain(cycle, true) + " (each depends on the next).");
        }
        if (!unreachable.isEmpty()) {
            errors.add(count(unreachable.size(), "concept") + " cannot be reached from a foundational concept: "
                    + names(unreachable) + ".");
        }
        return errors;
    }

    /** Breaches of the quality rules that do not block the book: labels, taxonomy spread, loose parts. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (int id : isolated) {
            warnings.add("Concept " + name(id) + " has no dependencies and nothing depends on it.");
        }
        if (subgraphs.size() > 1) {
            warnings.add("The graph falls into " + subgraphs.size() + " disconnected subgraphs (of "
                    + subgraphs.stream().map(s -> String.valueOf(s.size())).collect(Collectors.joining(", "))
                    + " concepts).");
        }
        for (TaxonomyShare share : taxonomySpread) {
            if (share.overLimit()) {
                warnings.add("Taxonomy " + share.taxonomyId() + " holds " + percent(share.share()) + " of the concepts ("
                        + share.count() + " of " + conceptCount + "); the limit is " + percent(MAX_TAXONOMY_SHARE)
                        + ".");
            }
        }
        warnings.addAll(taxonomyProblems);
        for (LabelProblem problem : labelProblems) {
            warnings.add("The label of concept " + problem.conceptId() + " \"" + problem.label() + "\" "
                    + problem.problem() + ".");
        }
        for (DuplicateLabel duplicate : duplicateLabels) {
            warnings.add("The label \"" + duplicate.label() + "\" is used by concepts "
                    + duplicate.conceptIds().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
        return warnings;
    }

    /** Every error, then every warning. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(errors());
        problems.addAll(warnings());
        return problems;
    }

    /** The length of {@link #longestChain()}, in concepts. */
    public int longestChainLength() {
        return longestChain.size();
    }

    /** A section for {@code book-report.md}: a table of the numbers, then the lists behind them. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Learning graph\n\n");
        md.append(acceptable() ? "**Acceptable**" : "**Not acceptable**");
        md.append(": ").append(count(errors().size(), "error")).append(", ")
                .append(count(warnings().size(), "warning")).append(".\n\n");
        md.append("| Check | Result |\n|---|---:|\n");
        row(md, "Concepts", conceptCount);
        row(md, "Foundational concepts (no dependencies)", foundations.size());
        row(md, "Repeated concept ids", duplicateIds.size());
        row(md, "Self-dependencies", selfDependencies.size());
        row(md, "Dependencies on unknown concepts", unknownDependencies.size());
        row(md, "Cycles", cycles.size());
        row(md, "Not reachable from a foundational concept", unreachable.size());
        row(md, "Orphans (nothing depends on them)", orphans.size());
        row(md, "Isolated concepts", isolated.size());
        row(md, "Disconnected subgraphs", subgraphs.size());
        row(md, "Longest dependency chain (concepts)", longestChain.size());
        row(md, "Taxonomies above " + percent(MAX_TAXONOMY_SHARE),
                (int) taxonomySpread.stream().filter(TaxonomyShare::overLimit).count());
        row(md, "Labels breaking the rules", labelProblems.size());
        row(md, "Duplicate labels", duplicateLabels.size());
        md.append('\n');

        list(md, "Errors", errors());
        list(md, "Warnings", warnings());

        if (!longestChain.isEmpty()) {
            md.append("### Longest dependency chain\n\n").append(escape(chain(longestChain, false)))
                    .append("\n\n(Each concept is a prerequisite of the next.)\n\n");
        }
        if (!mostDependedUpon.isEmpty()) {
            md.append("### Most depended-upon concepts\n\n| Concept | Dependents |\n|---|---:|\n");
            for (DependedUpon entry : mostDependedUpon) {
                md.append("| ").append(escape(name(entry.conceptId()))).append(" | ").append(entry.dependents())
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!taxonomySpread.isEmpty()) {
            md.append("### Taxonomy spread\n\n| Taxonomy | Name | Concepts | Share |\n|---|---|---:|---:|\n");
            for (TaxonomyShare share : taxonomySpread) {
                md.append("| ").append(escape(share.taxonomyId())).append(" | ").append(escape(share.name()))
                        .append(share.declared() ? "" : " (not declared)").append(" | ").append(share.count())
                        .append(" | ").append(percent(share.share())).append(share.overLimit() ? " ⚠" : "")
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!orphans.isEmpty()) {
            md.append("### Orphans\n\nNothing depends on these; fine for the course's end goals.\n\n")
                    .append(escape(names(orphans))).append("\n\n");
        }
        if (subgraphs.size() > 1) {
            md.append("### Disconnected subgraphs\n\n");
            for (List<Integer> subgraph : subgraphs) {
                md.append("- ").append(escape(names(subgraph))).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private String name(int id) {
        return graph.concept(id).map(Concept::describe).orElse(String.valueOf(id));
    }

    private String names(List<Integer> ids) {
        return ids.stream().map(this::name).collect(Collectors.joining(", "));
    }

    private String chain(List<Integer> ids, boolean closed) {
        List<String> names = new ArrayList<>(ids.stream().map(this::name).toList());
        if (closed && !ids.isEmpty()) {
            names.add(name(ids.getFirst()));
        }
        return String.join(" → ", names);
    }

    private static void row(StringBuilder md, String check, int value) {
        md.append("| ").append(check).append(" | ").append(value).append(" |\n");
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("### ").append(heading).append("\n\n");
        for (String item : items) {
            md.append("- ").append(escape(item)).append('\n');
        }
        md.append('\n');
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Makes model-written text inert in Markdown and in table cells. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
