package dev.ponder.book.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

import dev.ponder.book.graph.GraphReport.DependedUpon;
import dev.ponder.book.graph.GraphReport.DuplicateLabel;
import dev.ponder.book.graph.GraphReport.LabelProblem;
import dev.ponder.book.graph.GraphReport.TaxonomyShare;
import dev.ponder.book.graph.GraphReport.UnknownDependency;

/** McCreary's learning-graph quality checks, automated. */
public final class GraphChecks {

    private static final int TOP = 10;

    private GraphChecks() {
    }

    /** Checks {@code graph}; never throws on a faulty graph, whatever its faults. */
    public static GraphReport check(LearningGraph graph) {
        GraphIndex index = new GraphIndex(graph);

        List<Integer> selfDependencies = new ArrayList<>();
        List<UnknownDependency> unknown = new ArrayList<>();
        for (Concept concept : index.byId.values()) {
            if (concept.dependencies().contains(concept.id())) {
                selfDependencies.add(concept.id());
            }
            for (int dependency : new LinkedHashSet<>(concept.dependencies())) {
                if (!index.byId.containsKey(dependency)) {
                    unknown.add(new UnknownDependency(concept.id(), dependency));
                }
            }
        }

        List<Integer> foundations = index.foundations();
        List<Integer> orphans = new ArrayList<>();
        List<Integer> isolated = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> entry : index.dependents.entrySet()) {
            if (entry.getValue().isEmpty()) {
                orphans.add(entry.getKey());
                if (index.byId.get(entry.getKey()).foundational()) {
                    isolated.add(entry.getKey());
                }
            }
        }

        return new GraphReport(graph, graph.concepts().size(), foundations, index.duplicateIds, selfDependencies,
                unknown, index.cycles(), orphans, isolated, unreachable(index, foundations), subgraphs(index),
                longestChain(index), mostDependedUpon(index), taxonomySpread(graph, index),
                labelProblems(index), duplicateLabels(index), taxonomyProblems(graph, index));
    }

    private static List<Integer> unreachable(GraphIndex index, List<Integer> foundations) {
        Set<Integer> reached = new HashSet<>(foundations);
        ArrayDeque<Integer> queue = new ArrayDeque<>(foundations);
        while (!queue.isEmpty()) {
            for (int dependent : index.dependents.get(queue.poll())) {
                if (reached.add(dependent)) {
                    queue.add(dependent);
                }
            }
        }
        return index.byId.keySet().stream().filter(id -> !reached.contains(id)).toList();
    }

    private static List<List<Integer>> subgraphs(GraphIndex index) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (int id : index.byId.keySet()) {
            parent.put(id, id);
        }
        for (Map.Entry<Integer, List<Integer>> entry : index.dependencies.entrySet()) {
            for (int dependency : entry.getValue()) {
                int a = root(parent, entry.getKey());
                int b = root(parent, dependency);
                if (a != b) {
                    parent.put(Math.max(a, b), Math.min(a, b));
                }
            }
        }
        Map<Integer, List<Integer>> components = new TreeMap<>();
        for (int id : index.byId.keySet()) {
            components.computeIfAbsent(root(parent, id), k -> new ArrayList<>()).add(id);
        }
        return new ArrayList<>(components.values());
    }

    private static int root(Map<Integer, Integer> parent, int id) {
        int root = id;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(id) != root) {
            int next = parent.get(id);
            parent.put(id, root);
            id = next;
        }
        return root;
    }

    /** Longest path over the concepts outside cycles (Kahn's order, ties to the lowest id). */
    private static List<Integer> longestChain(GraphIndex index) {
        Map<Integer, Integer> waiting = new HashMap<>();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (Map.Entry<Integer, List<Integer>> entry : index.dependencies.entrySet()) {
            waiting.put(entry.getKey(), entry.getValue().size());
            if (entry.getValue().isEmpty()) {
                ready.add(entry.getKey());
            }
        }
        Map<Integer, Integer> length = new HashMap<>();
        Map<Integer, Integer> previous = new HashMap<>();
        int end = -1;
        while (!ready.isEmpty()) {
            int id = ready.poll();
            int best = 0;
            for (int dependency : index.dependencies.get(id)) { // ascending, so ties go to the lowest id
                if (length.get(dependency) > best) {
                    best = length.get(dependency);
                    previous.put(id, dependency);
                }
            }
            length.put(id, best + 1);
            if (end < 0 || length.get(id) > length.get(end) || (length.get(id).equals(length.get(end)) && id < end)) {
                end = id;
            }
            for (int dependent : index.dependents.get(id)) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        List<Integer> chain = new ArrayList<>();
        for (Integer at = end < 0 ? null : end; at != null; at = previous.get(at)) {
            chain.add(at);
        }
        return chain.reversed();
    }

    private static List<DependedUpon> mostDependedUpon(GraphIndex index) {
        return index.dependents.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new DependedUpon(entry.getKey(), entry.getValue().size()))
                .sorted(Comparator.comparingInt(DependedUpon::dependents).reversed()
                        .thenComparingInt(DependedUpon::conceptId))
                .limit(TOP)
                .toList();
    }

    private static List<TaxonomyShare> taxonomySpread(LearningGraph graph, GraphIndex index) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        for (Taxonomy taxonomy : graph.taxonomies()) {
            counts.putIfAbsent(taxonomy.id(), 0);
            declared.add(taxonomy.id());
        }
        for (Concept concept : index.byId.values()) {
            counts.merge(concept.taxonomyId(), 1, Integer::sum);
        }
        int total = index.byId.size();
        List<TaxonomyShare> spread = new ArrayList<>();
        counts.forEach((id, count) -> {
            double share = total == 0 ? 0 : (double) count / total;
            spread.add(new TaxonomyShare(id, graph.taxonomyName(id), count, share, declared.contains(id),
                    share > GraphReport.MAX_TAXONOMY_SHARE));
        });
        return spread;
    }

    private static List<String> taxonomyProblems(LearningGraph graph, GraphIndex index) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Taxonomy taxonomy : graph.taxonomies()) {
            if (!declared.add(taxonomy.id())) {
                problems.add("Taxonomy " + taxonomy.id() + " is declared more than once.");
            }
            if (!Taxonomy.wellFormedId(taxonomy.id()) && reported.add(taxonomy.id())) {
                problems.add("Taxonomy id \"" + taxonomy.id() + "\" is not 3–5 uppercase letters.");
            }
        }
        Map<String, List<Integer>> undeclared = new LinkedHashMap<>();
        for (Concept concept : index.byId.values()) {
            if (!declared.contains(concept.taxonomyId())) {
                undeclared.computeIfAbsent(concept.taxonomyId(), k -> new ArrayList<>()).add(concept.id());
            }
        }
        undeclared.forEach((id, concepts) -> {
            if (!Taxonomy.wellFormedId(id) && reported.add(id)) {
                problems.add("Taxonomy id \"" + id + "\" is not 3–5 uppercase letters.");
            }
            problems.add("Taxonomy \"" + id + "\" is not declared, yet " + concepts.size() + " concept"
                    + (concepts.size() == 1 ? " uses" : "s use") + " it: " + concepts.stream()
                    .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ".");
        });
        return problems;
    }

    private static List<LabelProblem> labelProblems(GraphIndex index) {
        List<LabelProblem> problems = new ArrayList<>();
        for (Concept concept : index.byId.values()) {
            for (String problem : LabelRules.problems(concept.label())) {
                problems.add(new LabelProblem(concept.id(), concept.label(), problem));
            }
        }
        return problems;
    }

    private static List<DuplicateLabel> duplicateLabels(GraphIndex index) {
        Map<String, List<Concept>> byLabel = new LinkedHashMap<>();
        for (Concept concept : index.byId.values()) {
            byLabel.computeIfAbsent(LabelRules.duplicateKey(concept.label()), k -> new ArrayList<>()).add(concept);
        }
        return byLabel.values().stream()
                .filter(concepts -> concepts.size() > 1)
                .map(concepts -> new DuplicateLabel(concepts.getFirst().label(),
                        concepts.stream().map(Concept::id).toList()))
                .toList();
    }
}
