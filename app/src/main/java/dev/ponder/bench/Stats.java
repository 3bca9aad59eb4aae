package dev.ponder.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Median, min and max of a few measured runs. The median, not the mean: with five runs, one run stalled by the OS
 * scheduler would move a mean far more than it moves what a user sees.
 */
public record Stats(double median, double min, double max, int runs) {

    public static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], n);
    }

    public static Stats of(double... samples) {
        return of(Arrays.stream(samples).boxed().toList());
    }
}
