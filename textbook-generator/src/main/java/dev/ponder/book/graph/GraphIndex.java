package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The graph's structure with faults set aside: one concept per id (the first), and per concept its valid
 * dependencies (known, not itself, each once, ascending) and its dependents (ascending). Shared by the checks, the
 * repair and the ordering.
 */
final class GraphIndex {

    final LearningGraph graph;
    /** Concepts by id, ascending; a repeated id keeps its first concept. */
    final TreeMap<Integer, Concept> byId = new TreeMap<>();
    /** Ids that more than one concept uses, ascending. */
    final List<Integer> duplicateIds;
    final Map<Integer, List<Integer>> dependencies = new LinkedHashMap<>();
    final Map<Integer, List<Integer>> dependents = new LinkedHashMap<>();

    GraphIndex(LearningGraph graph) {
        this.graph = graph;
        Set<Integer> duplicates = new java.util.TreeSet<>();
        for (Concept concept : graph.concepts()) {
            if (byId.putIfAbsent(concept.id(), concept) != null) {
                duplicates.add(concept.id());
            }
        }
        duplicateIds = List.copyOf(duplicates);
        for (int id : byId.keySet()) {
            dependents.put(id, new ArrayList<>());
        }
        for (Concept concept : byId.values()) {
            Set<Integer> valid = new LinkedHashSet<>();
            for (int dependency : concept.dependencies()) {
                if (dependency != concept.id() && byId.containsKey(dependency)) {
                    valid.add(dependency);
                }
            }
            List<Integer> sorted = new ArrayList<>(valid);
            Collections.sort(sorted);
            dependencies.put(concept.id(), sorted);
            for (int dependency : sorted) {
                dependents.get(dependency).add(concept.id());
            }
        }
    }

    /** Ids of the concepts without any declared dependency, ascending. */
    List<Integer> foundations() {
        return byId.values().stream().filter(Concept::foundational).map(Concept::id).toList();
    }

    String describe(int id) {
        Concept concept = byId.get(id);
        return concept == null ? String.valueOf(id) : concept.describe();
    }

    /**
     * The strongly connected groups of more than one concept, each as one cycle through its lowest id: each concept
     * depends on the next, the last on the first. Ordered by lowest id.
     */
    List<List<Integer>> cycles() {
        List<List<Integer>> cycles = new ArrayList<>();
        for (Set<Integer> component : stronglyConnected()) {
            if (component.size() > 1) {
                cycles.add(shortestCycleThrough(Collections.min(component), component));
            }
        }
        cycles.sort((a, b) -> Integer.compare(a.getFirst(), b.getFirst()));
        return cycles;
    }

    private List<Integer> shortestCycleThrough(int start, Set<Integer> component) {
        Map<Integer, Integer> previous = new LinkedHashMap<>();
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int id = queue.poll();
            for (int dependency : dependencies.get(id)) {
                if (!component.contains(dependency)) {
                    continue;
                }
                if (dependency == start) {
                    List<Integer> cycle = new ArrayList<>();
                    for (Integer at = id; at != null; at = previous.get(at)) {
                        cycle.add(at);
                    }
                    Collections.reverse(cycle);
                    return List.copyOf(cycle);
                }
                if (!previous.containsKey(dependency)) {
                    previous.put(dependency, id);
                    queue.add(dependency);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's algorithm, iterative so that a long chain cannot overflow the stack. */
    private List<Set<Integer>> stronglyConnected() {
        Map<Integer, Integer> index = new LinkedHashMap<>();
        Map<Integer, Integer> low = new LinkedHashMap<>();
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        Set<Integer> onStack = new java.util.HashSet<>();
        List<Set<Integer>> components = new ArrayList<>();
        int counter = 0;
        for (int root : byId.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            java.util.ArrayDeque<int[]> work = new java.util.ArrayDeque<>(); // {id, next dependency position}
            work.push(new int[] {root, 0});
            index.put(root, counter);
            low.put(root, counter);
            counter++;
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int id = frame[0];
                List<Integer> next = dependencies.get(id);
                if (frame[1] < next.size()) {
                    int dependency = next.get(frame[1]++);
                    if (!index.containsKey(dependency)) {
                        index.put(dependency, counter);
                        low.put(dependency, counter);
                        counter++;
                        stack.push(dependency);
                        onStack.add(dependency);
                        work.push(new int[] {dependency, 0});
                    } else if (onStack.contains(dependency)) {
                        low.put(id, Math.min(low.get(id), index.get(dependency)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(id)));
                }
                if (low.get(id).equals(index.get(id))) {
                    Set<Integer> component = new java.util.TreeSet<>();
                    int member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (member != id);
                    components.add(component);
                }
            }
        }
        return components;
    }
}
