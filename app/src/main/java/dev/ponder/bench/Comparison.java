package dev.ponder.bench;

/** Child decode speed against in-process at one thread count: the cost of running the engine in its own JVM. */
public record Comparison(int threads, double inProcessTokensPerSecond, double childTokensPerSecond,
                         double childPercent) {

    public static Comparison of(ModeResult inProcess, ModeResult child) {
        double in = inProcess.tokensPerSecond().median();
        double out = child.tokensPerSecond().median();
        return new Comparison(inProcess.threads(), in, out, in > 0 ? 100 * out / in : 0);
    }
}
