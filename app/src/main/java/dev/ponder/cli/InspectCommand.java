package dev.ponder.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.ponder.models.GgufInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ponder inspect FILE}: what a GGUF file's header says, read without loading the model. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a GGUF model's header facts, or why the file is not a usable model (exit code 2).")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    ModelFileArgument model;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Optional<GgufInfo> read = model.read();
        if (read.isEmpty()) {
            return PonderCli.BAD_INPUT;
        }
        GgufInfo info = read.get();
        if (json) {
            System.out.println(Json.write(info));
            return 0;
        }
        System.out.printf(Locale.ROOT, """
                file             %s
                size             %s
                GGUF version     %d
                name             %s
                architecture     %s
                quantization     %s
                parameters       %,d (%s of tensor data)
                layers           %d
                embedding        %d
                heads            %d (KV %d)
                context length   %d
                vocabulary       %d
                tensors          %d, metadata keys %d
                chat template    %s
                """, info.file(), bytes(info.fileSize()), info.version(), info.name(), info.architecture(),
                info.fileType(), info.parameterCount(), bytes(info.tensorDataBytes()), info.blockCount(),
                info.embeddingLength(), info.headCount(), info.headCountKv(), info.contextLength(),
                info.vocabularySize(), info.tensorCount(), info.metadataCount(),
                info.chatTemplate() == null ? "none (llama.cpp falls back to ChatML)"
                        : info.chatTemplate().length() + " characters");
        return 0;
    }

    static String bytes(long n) {
        if (n < 1 << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
    }
}
