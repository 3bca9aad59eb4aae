package dev.ponder.testing.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.ponder.engine.llama.NativeVariant;
import dev.ponder.models.GgufInfo;
import dev.ponder.models.fit.FitPlanner;
import dev.ponder.models.fit.MemoryEstimate;
import dev.ponder.models.fit.MemoryEstimator;
import dev.ponder.models.fit.ModelShape;

/**
 * The planner's split of a model between GPU and host against what llama.cpp allocated on each, loading it on a GPU
 * build with every layer offloaded and with half of them; prints a table. A program rather than a test, because it
 * runs where the GPU is (the {@code device} machine, see {@code native/bench/gpu-bench.sh}), which has no Maven.
 *
 * <p>Run in a JVM started for the GPU build ({@code -Dponder.backend=cuda -Dponder.native.dir=…}); arguments: a
 * folder for the unpacked library, the context in tokens, then the model files.
 */
public final class GpuPlannerReport {

    private static final double MIB = 1 << 20;

    private GpuPlannerReport() {
    }

    public static void main(String[] args) throws Exception {
        NativeVariant variant = NativeVariant.fromSystemProperties();
        Path cache = Path.of(args[0]);
        int context = Integer.parseInt(args[1]);
        System.out.printf(Locale.ROOT, "Planner vs llama.cpp's buffers on the %s build, f16 KV, batch 512, %d tokens"
                + " of context, MiB%n", variant.backend().label(), context);
        System.out.printf("%-34s %6s | %9s %9s %7s | %9s %9s %7s%n", "model", "layers", "GPU plan", "llama",
                "error", "host plan", "llama", "error");
        for (String file : List.of(args).subList(2, args.length)) {
            Path model = Path.of(file);
            ModelShape shape = ModelShape.of(GgufInfo.read(model));
            MemoryEstimate whole = MemoryEstimator.estimate(shape, context, 1);
            int layers = Math.toIntExact(shape.layers());
            for (int gpuLayers : new int[] {layers + 1, layers / 2}) {
                LlamaMemoryReport llama = LlamaMemoryReport.parse(
                        LlamaLoad.log(variant, model, context, gpuLayers, cache));
                double gpu = FitPlanner.gpuBytes(shape, whole, gpuLayers) / MIB;
                double host = FitPlanner.cpuBytes(shape, whole, gpuLayers) / MIB;
                System.out.printf(Locale.ROOT, "%-34s %6d | %9.1f %9.1f %6.1f%% | %9.1f %9.1f %6.1f%%%n",
                        model.getFileName(), gpuLayers, gpu, llama.gpuMiB(), error(gpu, llama.gpuMiB()), host,
                        llama.hostMiB(), error(host, llama.hostMiB()));
            }
        }
    }

    private static double error(double estimate, double actual) {
        return 100 * (estimate - actual) / actual;
    }
}
