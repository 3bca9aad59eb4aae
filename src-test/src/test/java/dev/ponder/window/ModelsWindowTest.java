package dev.ponder.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.download.DownloadProgress;
import dev.ponder.download.DownloadState;
import dev.ponder.download.HubEndpoint;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Disk;
import dev.ponder.hardware.Gpu;
import dev.ponder.hardware.GpuBackend;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.Memory;
import dev.ponder.models.LocalModels;
import dev.ponder.models.catalog.Catalog;
import dev.ponder.models.catalog.CatalogEntry;
import dev.ponder.settings.SettingsStore;
import dev.ponder.settings.Theme;
import dev.ponder.store.Database;
import dev.ponder.testing.LocalHub;
import dev.ponder.testing.ScriptedEngine;
import dev.ponder.testing.Sha256;
import dev.ponder.testing.SharedModel;
import dev.ponder.ui.AppServices;
import dev.ponder.ui.model.ModelInUse;
import dev.ponder.ui.models.DownloadRow;

/**
 * The Models view: the catalog with how each file fits a machine of fixed facts, a download from a local hub that
 * ends under local models and loads in chat with Use, import and delete, and offline mode.
 */
class ModelsWindowTest {

    private static final String REPO = "ponder-test/stories-GGUF";

    @TempDir
    Path dir;

    /** A gaming PC: an 8 GiB GPU and 16 GiB of free RAM, the same on every machine the test runs on. */
    static Hardware gamingPc(Path modelsFolder) {
        return new Hardware(new Cpu("Test CPU 8-core", "amd64", 8, 16, List.of("AVX2", "FMA")),
                new Memory(32L << 30, 16L << 30, 20e9), new Disk(modelsFolder, 500L << 30),
                List.of(new Gpu("Test GPU", "NVIDIA", 8L << 30, 8L << 30, "550.54", false,
                        List.of(GpuBackend.CUDA, GpuBackend.VULKAN))));
    }

    private WindowFixture open(AppServicesFactory services) throws Exception {
        return WindowFixture.open(dir, settings -> settings.withThreads(1), services::make);
    }

    @FunctionalInterface
    private interface AppServicesFactory {
        AppServices make(Database database, SettingsStore store);
    }

    private static void showModels(WindowFixture fixture) throws Exception {
        WindowFixture.onFx(() -> {
            fixture.window().layout().showModels();
            return null;
        });
        // The view's controls are there once the split pane's skin has laid it out, a pulse after it is shown.
        fixture.waitUntil(Duration.ofSeconds(30), () -> !fixture.window().models().catalog().isEmpty()
                && fixture.lookup("#download-name") != null && catalog(fixture).lookup(".fit-badge") != null);
    }

    @Test
    void theCatalogSaysHowEachFileWouldRunOnThisMachine() throws Exception {
        try (WindowFixture fixture = open((database, store) -> new AppServices(database,
                ScriptedEngine.replying("hi"), store, HubEndpoint.of("http://127.0.0.1:9"), ModelsWindowTest::gamingPc))) {
            WindowFixture.onFx(() -> {
                fixture.stage().setWidth(1280);
                fixture.stage().setHeight(860);
                return null;
            });
            showModels(fixture);

            assertThat(text(fixture, "#hardware-cpu")).isEqualTo("Test CPU 8-core · 8 cores, 16 threads");
            assertThat(text(fixture, "#hardware-memory")).isEqualTo("RAM 32.0 GiB, 16.0 GiB free");
            assertThat(text(fixture, "#hardware-gpu")).isEqualTo("Test GPU: 8.0 GiB, 8.0 GiB free (CUDA, Vulkan)");
            assertThat(badge(fixture, "DeepSeek-R1-Distill-Qwen-1.5B", "Q4_K_M")).isEqualTo("fits on GPU");
            assertThat(badge(fixture, "DeepSeek-R1-Distill-Qwen-7B", "Q4_K_M")).isEqualTo("fits on GPU");
            assertThat(badge(fixture, "DeepSeek-R1-Distill-Qwen-14B", "Q4_K_M")).matches("GPU \\+ CPU: \\d+ of 48 layers");
            assertThat(badge(fixture, "DeepSeek-R1-Distill-Qwen-32B", "Q8_0")).isEqualTo("too big");
            assertThat(badge(fixture, "DeepSeek-R1-Distill-Llama-70B", "Q4_K_M")).isEqualTo("size not verified");

            scrollTo(fixture, 0);
            Thread.sleep(300);
            fixture.screenshot("models-view");
            WindowFixture.onFx(() -> {
                fixture.window().settings().update(settings -> settings.withTheme(Theme.DARK));
                return null;
            });
            Thread.sleep(300);
            fixture.screenshot("models-view-dark");
        }
    }

    @Test
    void theRealProbeDescribesThisMachine() throws Exception {
        try (WindowFixture fixture = WindowFixture.open(dir, ScriptedEngine.replying("hi"))) {
            showModels(fixture);

            assertThat(text(fixture, "#hardware-cpu")).matches(".+ · \\d+ cores?(, \\d+ threads)?");
            assertThat(text(fixture, "#hardware-memory")).matches("RAM [\\d.]+ GiB, [\\d.]+ GiB free");
            assertThat(text(fixture, "#hardware-gpu")).isNotEmpty();
            assertThat(WindowFixture.onFx(() -> fixture.window().models().catalog()))
                    .hasSize(WindowFixture.onFx(() -> Catalog.bundled().models().stream()
                            .mapToInt(model -> model.files().size()).sum()));
            fixture.screenshot("models-view-this-machine");
        }
    }

    @Test
    void aModelDownloadedFromTheHubIsListedAndUseLoadsItForChat() throws Exception {
        Path stories = SharedModel.stories260K();
        try (LocalHub hub = LocalHub.start().throttledTo(256 * 1024);
             WindowFixture fixture = open((database, store) -> new AppServices(database,
                     EngineProcess.create(dir.resolve("cache")), store, HubEndpoint.of(hub.endpoint()),
                     ModelsWindowTest::gamingPc))) {
            hub.serve(REPO, "stories260K.gguf", stories);
            showModels(fixture);
            WindowFixture.onFx(() -> {
                ((TextField) fixture.lookup("#download-name")).setText(REPO + "/stories260K.gguf");
                ((Button) fixture.lookup("#download-other")).fire();
                return null;
            });

            fixture.waitUntil(Duration.ofSeconds(20), () -> {
                DownloadProgress now = progress(fixture);
                return now != null && now.state() == DownloadState.DOWNLOADING && now.timeLeft() != null;
            });
            String moving = WindowFixture.onFx(() -> fixture.window().models().downloads().getFirst().text());
            assertThat(moving).matches(".* of .* · .*/s · \\d+ s left");
            fixture.screenshot("models-downloading");

            fixture.waitUntil(Duration.ofSeconds(30), () -> progress(fixture).state().isFinal());
            assertThat(progress(fixture).state()).as(progress(fixture).message()).isEqualTo(DownloadState.DONE);
            Path downloaded = dir.resolve("data").resolve("models").resolve("stories260K.gguf");
            assertThat(Sha256.of(downloaded)).isEqualTo(Sha256.of(stories));
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().models().localModels().stream()
                    .anyMatch(entry -> entry.file().equals(downloaded) && entry.info() != null));
            fixture.screenshot("models-downloaded");

            WindowFixture.onFx(() -> {
                ((Button) localCell(fixture, "stories260K.gguf").lookup(".use-model")).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(30), () -> fixture.window().model().inUseProperty()
                    .get() instanceof ModelInUse.Local local && local.file().equals(downloaded));
            assertThat(WindowFixture.onFx(() -> fixture.window().layout().showingModels())).isFalse();

            fixture.send("Once upon a time");
            fixture.awaitReply(Duration.ofSeconds(30));
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().message().model()))
                    .isEqualTo("stories260K.gguf");
        }
    }

    @Test
    void aGgufIsImportedRevealedAndDeletedOnlyWhenTheUserConfirms() throws Exception {
        Path stories = SharedModel.stories260K();
        Path notAModel = Files.writeString(dir.resolve("notes.gguf"), "not a model");
        List<String> opened = new CopyOnWriteArrayList<>();
        try (WindowFixture fixture = open((database, store) -> new AppServices(database,
                ScriptedEngine.replying("hi"), store, HubEndpoint.of("http://127.0.0.1:9"), ModelsWindowTest::gamingPc))) {
            WindowFixture.onFx(() -> {
                fixture.window().setDocumentOpener(opened::add);
                return null;
            });
            showModels(fixture);
            WindowFixture.onFx(() -> {
                fixture.window().models().importFiles(List.of(notAModel));
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> ((Label) fixture.lookup("#models-notice")).getText()
                    .startsWith("Not imported"));
            assertThat(text(fixture, "#models-notice")).contains("notes.gguf").contains("GGUF");

            WindowFixture.onFx(() -> {
                fixture.window().models().importFiles(List.of(stories));
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> localCell(fixture, "stories260K.gguf") != null);
            Path imported = dir.resolve("data").resolve("models").resolve("stories260K.gguf");
            assertThat(imported).exists();

            WindowFixture.onFx(() -> {
                ((Button) localCell(fixture, "stories260K.gguf").lookup(".reveal-model")).fire();
                return null;
            });
            assertThat(opened).containsExactly(imported.getParent().toUri().toString());

            fixture.openDialog(".delete-model");
            assertThat(WindowFixture.onFx(() -> WindowFixture.dialog().getHeaderText()))
                    .isEqualTo("Delete stories260K.gguf?");
            fixture.pressDialogButton("Cancel");
            assertThat(imported).as("kept when the user says no").exists();

            fixture.openDialog(".delete-model");
            fixture.pressDialogButton("Delete");
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().models().localModels().isEmpty());
            assertThat(imported).doesNotExist();
        }
    }

    @Test
    void offlineModeTurnsTheDownloadButtonsOffAndSaysWhy() throws Exception {
        try (WindowFixture fixture = WindowFixture.open(dir, settings -> settings.withOfflineMode(true),
                (database, store) -> new AppServices(database, ScriptedEngine.replying("hi"), store,
                        HubEndpoint.of("http://127.0.0.1:9"), ModelsWindowTest::gamingPc))) {
            showModels(fixture);
            WindowFixture.onFx(() -> {
                ((TextField) fixture.lookup("#download-name")).setText(REPO + "/stories260K.gguf");
                return null;
            });

            assertThat(WindowFixture.onFx(() -> fixture.lookup("#offline-notice").isVisible())).isTrue();
            assertThat(WindowFixture.onFx(() -> fixture.lookup("#download-other").isDisabled())).isTrue();
            assertThat(WindowFixture.onFx(() -> catalogDownloadButtons(fixture))).isNotEmpty()
                    .allMatch(Node::isDisabled);
            assertThat(WindowFixture.onFx(() -> tooltipOver(fixture.lookup("#download-other"))))
                    .as("a disabled button shows no tooltip: what holds it does").startsWith("Offline mode is on");

            WindowFixture.onFx(() -> {
                fixture.window().settings().update(settings -> settings.withOfflineMode(false));
                return null;
            });
            assertThat(WindowFixture.onFx(() -> fixture.lookup("#offline-notice").isVisible())).isFalse();
            assertThat(WindowFixture.onFx(() -> fixture.lookup("#download-other").isDisabled())).isFalse();
            // The catalog's cells are drawn anew at the next pulse.
            fixture.waitUntil(Duration.ofSeconds(5), () -> !catalogDownloadButtons(fixture).isEmpty()
                    && catalogDownloadButtons(fixture).stream().noneMatch(Node::isDisabled));
        }
    }

    /** The tooltip installed on the node that holds {@code node}, where Tooltip.install keeps it. */
    private static String tooltipOver(Node node) {
        Object tooltip = node.getParent().getProperties().get("javafx.scene.control.Tooltip");
        return tooltip instanceof Tooltip tip ? tip.getText() : "";
    }

    private static DownloadProgress progress(WindowFixture fixture) {
        List<DownloadRow> rows = fixture.window().models().downloads();
        return rows.isEmpty() ? null : rows.getFirst().progressProperty().get();
    }

    private static String text(WindowFixture fixture, String selector) throws Exception {
        return WindowFixture.onFx(() -> ((Label) fixture.lookup(selector)).getText());
    }

    /** The badge of a catalog row as drawn: the row is scrolled into view first. */
    private static String badge(WindowFixture fixture, String model, String quantization) throws Exception {
        int index = WindowFixture.onFx(() -> {
            List<CatalogEntry> entries = fixture.window().models().catalog();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).model().name().equals(model)
                        && entries.get(i).file().quantization().equals(quantization)) {
                    return i;
                }
            }
            throw new AssertionError(model + " " + quantization + " is not in the catalog");
        });
        scrollTo(fixture, index);
        fixture.waitUntil(Duration.ofSeconds(5), () -> row(fixture, index) != null);
        return WindowFixture.onFx(() -> ((Label) row(fixture, index).lookup(".fit-badge")).getText());
    }

    private static void scrollTo(WindowFixture fixture, int index) throws Exception {
        WindowFixture.onFx(() -> {
            catalog(fixture).scrollTo(index);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<CatalogEntry> catalog(WindowFixture fixture) {
        return (TableView<CatalogEntry>) fixture.lookup("#catalog");
    }

    private static TableRow<?> row(WindowFixture fixture, int index) {
        CatalogEntry entry = fixture.window().models().catalog().get(index);
        return catalog(fixture).lookupAll(".table-row-cell").stream().map(node -> (TableRow<?>) node)
                .filter(row -> row.getItem() == entry && row.lookup(".fit-badge") != null).findFirst().orElse(null);
    }

    private static List<Node> catalogDownloadButtons(WindowFixture fixture) {
        return catalog(fixture).lookupAll(".button").stream()
                .filter(node -> node instanceof Button button && "Download".equals(button.getText())).toList();
    }

    /** The local models' row of the file named {@code name}, or null while it is not listed. */
    private static Node localCell(WindowFixture fixture, String name) {
        return fixture.lookup("#local-models").lookupAll(".list-cell").stream()
                .filter(cell -> cell instanceof ListCell<?> listCell
                        && listCell.getItem() instanceof LocalModels.Entry entry
                        && entry.file().getFileName().toString().equals(name))
                .findFirst().orElse(null);
    }
}
