package dev.ponder.ui.models;

import java.util.Locale;

import dev.ponder.models.fit.FitPlan;
import dev.ponder.models.fit.MemoryEstimate;

/**
 * How a catalog file would run on this machine, as a badge: a few words, a colour, and the planner's reasons in a
 * tooltip.
 *
 * @param styleClass one of {@code fit-gpu}, {@code fit-split}, {@code fit-cpu}, {@code fit-too-big},
 *                   {@code fit-unknown}
 */
record FitBadge(String text, String styleClass, String explanation) {

    /** @param plan the planner's verdict, or null when the file's size is not known */
    static FitBadge of(FitPlan plan) {
        if (plan == null) {
            return new FitBadge("size not verified", "fit-unknown", "No page Ponder could check gives this file's"
                    + " size, so it cannot say whether it fits. Download it and the plan is made from the file.");
        }
        String why = plan.summary() + "\n" + breakdown(plan);
        return switch (plan.verdict()) {
            case FITS_ON_GPU -> new FitBadge("fits on GPU", "fit-gpu", why);
            case GPU_AND_CPU -> new FitBadge(plan.gpuLayers() >= plan.layers()
                    ? "GPU + CPU: output on CPU"
                    : "GPU + CPU: " + plan.gpuLayers() + " of " + plan.layers() + " layers", "fit-split", why);
            case CPU_ONLY -> new FitBadge(plan.tokensPerSecond() == null ? "CPU only"
                    : "CPU only, ~" + rate(plan.tokensPerSecond()) + " tok/s", "fit-cpu", why);
            case TOO_BIG -> new FitBadge("too big", "fit-too-big", why);
        };
    }

    private static String breakdown(FitPlan plan) {
        MemoryEstimate memory = plan.estimate();
        return String.format(Locale.ROOT, "Needs %s at %,d tokens of context: weights %s, KV cache %s, compute %s.",
                ByteSize.of(memory.totalBytes()), plan.context(), ByteSize.of(memory.weightBytes()),
                ByteSize.of(memory.kvBytes()), ByteSize.of(memory.computeBytes() + memory.outputBytes()));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f" : "%.1f", perSecond);
    }
}
