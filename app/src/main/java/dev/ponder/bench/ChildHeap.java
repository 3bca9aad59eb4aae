package dev.ponder.bench;

/** The engine child's Java heap after the benchmark's runs, right after a GC there (so {@code used} is live data). */
public record ChildHeap(double usedMb, double committedMb, double maxMb) {

    private static final double MB = 1 << 20;

    public static ChildHeap ofBytes(long used, long committed, long max) {
        return new ChildHeap(used / MB, committed / MB, max / MB);
    }
}
