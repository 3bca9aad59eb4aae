package dev.ponder.testing.backend;

import java.util.Comparator;
import java.util.Map;

/**
 * One position of a teacher-forced text.
 *
 * @param index  the position, from 0
 * @param forced the token the text put there
 * @param top    the most likely tokens there and their probabilities, as the model computed them before the forcing
 */
public record Position(int index, String forced, Map<String, Double> top) {

    /** The most likely token. */
    public String topToken() {
        return top.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    public double topProbability() {
        return top.get(topToken());
    }

    /** The top token's lead over the runner-up: how close the position is to a tie. */
    public double margin() {
        double[] sorted = top.values().stream().sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue)
                .toArray();
        return sorted.length < 2 ? sorted[0] : sorted[0] - sorted[1];
    }
}
