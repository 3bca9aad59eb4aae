package dev.ponder.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.ponder.engine.LoadSettings;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.HardwareProbe;
import dev.ponder.models.catalog.Catalog;
import dev.ponder.models.catalog.CatalogEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ponder models}: the catalog, with how each file would run here. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the DeepSeek-R1 distills Ponder can download, with their size and fit on this machine.")
final class ModelsCommand implements Callable<Integer> {

    @Mixin
    ModelsFolderOption models;

    @Option(names = "--context", paramLabel = "TOKENS", description = "Context to plan for (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + LoadSettings.DEFAULT_CONTEXT)
    int context;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (context < 1) {
            System.err.println("ponder: --context must be at least 1 token, not " + context);
            return PonderCli.BAD_INPUT;
        }
        Hardware hardware = new HardwareProbe().probe(models.folder());
        List<CatalogEntry> entries = Catalog.bundled().entries(hardware, context, models.folder());
        if (json) {
            System.out.println(Json.write(entries));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%-32s %-7s %9s  %s%n", "model", "quant", "size", "on this machine, "
                + context + " tokens of context");
        for (CatalogEntry entry : entries) {
            String size = entry.file().size() == null ? "unknown" : entry.file().size();
            String fit = entry.plan() == null ? "unknown (size not verified)" : entry.plan().summary();
            System.out.printf(Locale.ROOT, "%-32s %-7s %9s  %s%s%n", entry.model().name(),
                    entry.file().quantization(), size, fit, entry.localFile() == null ? "" : "  [downloaded]");
        }
        System.out.println();
        System.out.println("Download one with: ponder pull REPO/FILE, e.g. ponder pull " + entries.getFirst().file()
                .repo() + "/" + entries.getFirst().file().file());
        return 0;
    }
}
