package dev.ponder.hardware;

/**
 * Measures memory bandwidth the cheap way: the best of a few copies of an array far larger than any CPU cache. It
 * takes about a tenth of a second. One thread's copy speed is below what all cores reach together, which is about what
 * llama.cpp's decode gets out of memory, since it spends part of every token computing rather than reading.
 */
final class MemoryBandwidth {

    private static final int WORDS = 8 << 20; // 64 MiB an array
    private static final int ROUNDS = 5;

    private MemoryBandwidth() {
    }

    /** Bytes per second read and written, or null when the heap has no room for the arrays. */
    static Double measure() {
        if (Runtime.getRuntime().maxMemory() - usedHeap() < 4L * WORDS * Long.BYTES) {
            return null;
        }
        long[] from = new long[WORDS];
        long[] to = new long[WORDS];
        java.util.Arrays.fill(from, 1);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            System.arraycopy(from, 0, to, 0, WORDS);
            best = Math.min(best, System.nanoTime() - start);
        }
        // A copy reads every byte once and writes it once.
        return 2.0 * WORDS * Long.BYTES / (best / 1e9);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
