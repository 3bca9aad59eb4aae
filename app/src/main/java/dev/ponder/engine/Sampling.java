package dev.ponder.engine;

/**
 * Sampling for one reply. The defaults are DeepSeek's for the R1 distills, kept here and nowhere else.
 *
 * @param maxTokens tokens to generate at most; -1 until the context is full or the model stops
 * @param seed      -1 for a random seed
 */
public record Sampling(double temperature, double topP, int topK, double minP, int maxTokens, long seed) {

    public static final double R1_TEMPERATURE = 0.6;
    public static final double R1_TOP_P = 0.95;

    public Sampling {
        if (temperature < 0 || topP <= 0 || topP > 1 || topK < 0 || minP < 0 || minP > 1 || maxTokens < -1
                || maxTokens == 0) {
            throw new IllegalArgumentException("invalid sampling: temperature " + temperature + ", top-p " + topP
                    + ", top-k " + topK + ", min-p " + minP + ", max tokens " + maxTokens);
        }
    }

    /**
     * Temperature 0.6, top-p 0.95, as DeepSeek recommends for R1 and its distills: lower temperatures make them repeat
     * themselves endlessly, higher ones make them incoherent.
     */
    public static Sampling r1Defaults() {
        return new Sampling(R1_TEMPERATURE, R1_TOP_P, 40, 0.0, -1, -1);
    }

    /** Always the most likely token: for tests and benchmarks that must repeat. */
    public static Sampling greedy(int maxTokens) {
        return new Sampling(0.0, 1.0, 1, 0.0, maxTokens, 42);
    }

    public Sampling withMaxTokens(int newMaxTokens) {
        return new Sampling(temperature, topP, topK, minP, newMaxTokens, seed);
    }

    public Sampling withTemperature(double newTemperature) {
        return new Sampling(newTemperature, topP, topK, minP, maxTokens, seed);
    }

    public Sampling withSeed(long newSeed) {
        return new Sampling(temperature, topP, topK, minP, maxTokens, newSeed);
    }
}
