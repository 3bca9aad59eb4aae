package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/** The order in which to teach the concepts. */
public final class GraphOrder {

    private GraphOrder() {
    }

    /**
     * Every concept after all of its dependencies; among the concepts whose dependencies are all placed, the lowest id
     * comes first, so the order is stable and follows the ids where they allow it.
     *
     * @throws IllegalArgumentException if the graph repeats an id, has a self-dependency, a dependency on an unknown
     *                                  id or a cycle: run {@link GraphRepair#repair} first
     */
    public static List<Concept> topological(LearningGraph graph) {
        GraphIndex index = new GraphIndex(graph);
        if (!index.duplicateIds.isEmpty()) {
            throw new IllegalArgumentException("concept ids repeat: " + index.duplicateIds);
        }
        for (Concept concept : graph.concepts()) {
            for (int dependency : concept.dependencies()) {
                if (dependency == concept.id() || !index.byId.containsKey(dependency)) {
                    throw new IllegalArgumentException("concept " + concept.describe() + " depends on "
                            + (dependency == concept.id() ? "itself" : "unknown concept " + dependency)
                            + "; repair the graph first");
                }
            }
        }
        Map<Integer, Integer> waiting = new HashMap<>();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        index.dependencies.forEach((id, dependencies) -> {
            waiting.put(id, dependencies.size());
            if (dependencies.isEmpty()) {
                ready.add(id);
            }
        });
        List<Concept> order = new ArrayList<>(graph.concepts().size());
        while (!ready.isEmpty()) {
            int id = ready.poll();
            order.add(index.byId.get(id));
            for (int dependent : index.dependents.get(id)) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < index.byId.size()) {
            throw new IllegalArgumentException("the learning graph has cycles: " + index.cycles().stream()
                    .map(cycle -> cycle.stream().map(String::valueOf).collect(Collectors.joining(" → "))
                            + " → " + cycle.getFirst())
                    .collect(Collectors.joining("; ")) + "; repair the graph first");
        }
        return List.copyOf(order);
    }
}
