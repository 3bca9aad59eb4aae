package dev.ponder.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.ponder.engine.LoadSettings;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.HardwareProbe;
import dev.ponder.models.GgufInfo;
import dev.ponder.models.fit.FitPlan;
import dev.ponder.models.fit.FitPlanner;
import dev.ponder.models.fit.MemoryEstimate;
import dev.ponder.models.fit.ModelShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ponder plan FILE}: how a model file would run here. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the memory a GGUF model needs and where it would run on this machine.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ModelFileArgument model;

    @Option(names = "--context", paramLabel = "TOKENS", description = "Context to plan for (default: "
            + LoadSettings.DEFAULT_CONTEXT + ", or the model's trained length if shorter).")
    int context;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Optional<GgufInfo> read = model.read();
        if (read.isEmpty()) {
            return PonderCli.BAD_INPUT;
        }
        GgufInfo info = read.get();
        if (context < 0) {
            System.err.println("ponder: --context must be a number of tokens, not " + context);
            return PonderCli.BAD_INPUT;
        }
        int tokens = LoadSettings.defaults(info.file()).withContextSize(context).effectiveContext(
                info.contextLength());
        Hardware hardware = new HardwareProbe().probe(info.file().getParent());
        FitPlan plan = FitPlanner.plan(ModelShape.of(info), hardware, tokens);
        if (json) {
            System.out.println(Json.write(plan));
            return 0;
        }
        MemoryEstimate memory = plan.estimate();
        System.out.printf(Locale.ROOT, """
                model       %s (%s, %s, %d layers)
                context     %d tokens
                weights     %s
                KV cache    %s
                compute     %s
                total       %s
                plan        %s
                GPU layers  %d
                """, info.file().getFileName(), info.architecture(), info.fileType(), info.blockCount(), tokens,
                InspectCommand.bytes(memory.weightBytes()), InspectCommand.bytes(memory.kvBytes()),
                InspectCommand.bytes(memory.computeBytes() + memory.outputBytes()),
                InspectCommand.bytes(memory.totalBytes()), plan.summary(), plan.gpuLayers());
        return 0;
    }
}
