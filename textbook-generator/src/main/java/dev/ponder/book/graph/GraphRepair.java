package dev.ponder.book.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mechanical fixes for a learning graph: what can be repaired without asking the model again. Labels, taxonomy
 * spread and loose parts need the model or the professor and are left alone.
 */
public final class GraphRepair {

    /** The repaired graph and each change made, in words, in the order made; no changes for a sound graph. */
    public record Repaired(LearningGraph graph, List<String> changes) {

        public Repaired {
            changes = List.copyOf(changes);
        }

        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    private GraphRepair() {
    }

    /**
     * Repairs {@code graph}, keeping the order of its concepts and of their dependencies:
     * <ol>
     * <li>a concept whose id an earlier concept already has is dropped;</li>
     * <li>self-dependencies, dependencies on unknown ids and repeated dependencies are dropped;</li>
     * <li>cycles are broken. A depth-first walk from the foundational concepts in ascending id order (then from any
     * concept not yet seen, again ascending) follows each concept to its dependents, lowest id first; a dependency
     * that leads back to a concept on the walk's current path closes a cycle, and is removed. Where concepts are
     * numbered in teaching order this removes the dependency of an earlier concept on a later one.</li>
     * </ol>
     * A concept left without dependencies becomes foundational, which is reported too. Deterministic: the same graph
     * always gives the same repair.
     */
    public static Repaired repair(LearningGraph graph) {
        List<String> changes = new ArrayList<>();
        List<Concept> concepts = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (Concept concept : graph.concepts()) {
            if (ids.add(concept.id())) {
                concepts.add(concept);
            } else {
                changes.add("Dropped concept " + concept.describe() + ": an earlier concept already has id "
                        + concept.id() + ".");
            }
        }

        Map<Integer, Concept> original = new HashMap<>();
        List<Concept> cleaned = new ArrayList<>();
        for (Concept concept : concepts) {
            original.put(concept.id(), concept);
            Set<Integer> kept = new LinkedHashSet<>();
            for (int dependency : concept.dependencies()) {
                if (dependency == concept.id()) {
                    changes.add("Concept " + concept.describe() + " no longer depends on itself.");
                } else if (!ids.contains(dependency)) {
                    changes.add("Concept " + concept.describe() + " no longer depends on " + dependency
                            + ", which does not exist.");
                } else if (!kept.add(dependency)) {
                    changes.add("Concept " + concept.describe() + " listed " + dependency
                            + " more than once; kept once.");
                }
            }
            cleaned.add(concept.withDependencies(List.copyOf(kept)));
        }

        LearningGraph cleanedGraph = new LearningGraph(cleaned, graph.taxonomies());
        Map<Integer, Set<Integer>> removed = breakCycles(new GraphIndex(cleanedGraph), changes);

        List<Concept> repaired = new ArrayList<>();
        for (Concept concept : cleaned) {
            Set<Integer> drop = removed.getOrDefault(concept.id(), Set.of());
            Concept result = drop.isEmpty() ? concept : concept.withDependencies(
                    concept.dependencies().stream().filter(d -> !drop.contains(d)).toList());
            if (result.foundational() && !original.get(concept.id()).foundational()) {
                changes.add("Concept " + concept.describe() + " has no dependencies left and is now foundational.");
            }
            repaired.add(result);
        }
        return new Repaired(new LearningGraph(repaired, graph.taxonomies()), changes);
    }

    /** Returns, per concept id, the dependencies to remove. */
    private static Map<Integer, Set<Integer>> breakCycles(GraphIndex index, List<String> changes) {
        Map<Integer, Set<Integer>> removed = new HashMap<>();
        Set<Integer> done = new HashSet<>();
        Set<Integer> onPath = new HashSet<>();
        List<Integer> roots = new ArrayList<>(index.foundations());
        roots.addAll(index.byId.keySet());
        for (int root : roots) {
            if (done.contains(root)) {
                continue;
            }
            // Iterative walk: each frame is {concept id, position in its dependents}.
            ArrayDeque<int[]> path = new ArrayDeque<>();
            List<Integer> pathIds = new ArrayList<>();
            path.push(new int[] {root, 0});
            pathIds.add(root);
            onPath.add(root);
            while (!path.isEmpty()) {
                int[] frame = path.peek();
                List<Integer> dependents = index.dependents.get(frame[0]);
                if (frame[1] < dependents.size()) {
                    int dependent = dependents.get(frame[1]++);
                    if (onPath.contains(dependent)) {
                        // frame[0] depends (through the path) on dependent, which depends on frame[0]: drop the latter.
                        removed.computeIfAbsent(dependent, k -> new HashSet<>()).add(frame[0]);
                        List<Integer> cycle = new ArrayList<>(pathIds.subList(pathIds.indexOf(dependent), pathIds.size()));
                        // Along the path each concept is a dependency of the next; name the cycle as "depends on".
                        List<Integer> dependsOn = new ArrayList<>();
                        dependsOn.add(dependent);
                        dependsOn.addAll(cycle.subList(1, cycle.size()).reversed());
                        dependsOn.add(dependent);
                        changes.add("Concept " + index.describe(dependent) + " no longer depends on "
                                + index.describe(frame[0]) + ": that dependency closed the cycle "
                                + dependsOn.stream().map(String::valueOf).collect(Collectors.joining(" → "))
                                + " (each depends on the next).");
                    } else if (!done.contains(dependent)) {
                        path.push(new int[] {dependent, 0});
                        pathIds.add(dependent);
                        onPath.add(dependent);
                    }
                    continue;
                }
                path.pop();
                pathIds.removeLast();
                onPath.remove(frame[0]);
                done.add(frame[0]);
            }
        }
        return removed;
    }
}
