package dev.ponder.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.Acceleration;
import dev.ponder.engine.BackendChoice;
import dev.ponder.engine.KvCacheType;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.store.StoreException;

class SettingsStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07.089Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheDefaultsAreUsedSilently() {
        SettingsStore store = new SettingsStore(dir.resolve("ponder"));

        assertThat(store.load()).isEqualTo(Settings.defaults());
        assertThat(store.loadWarning()).isEmpty();
        assertThat(dir.resolve("ponder")).doesNotExist();
    }

    @Test
    void everySettingSurvivesASaveAndALoad() {
        Settings chosen = Settings.defaults().withThreads(3).withContextSize(8192)
                .withAcceleration(new Acceleration(BackendChoice.VULKAN, 12, true, KvCacheType.Q8_0))
                .withTemperature(0.7).withTopP(0.9).withMaxTokens(2048).withSeed(42).withTheme(Theme.DARK)
                .withFontSize(16.5).withThinkingCollapsedByDefault(true).withDataDirectory("/data/chats")
                .withRecentModel("/m/b.gguf").withRecentModel("/m/a.gguf")
                .withMarkers("glm.gguf", new ReasoningMarkers("<thinking>", "</thinking>"))
                .withWindowState(WindowState.DEFAULT.withBounds(-100, 50, 1400, 900).withMaximized(true)
                        .withSidebarWidth(280).withThinkingWidth(400).withLastConversationId(17L))
                .withOfflineMode(true);
        Path folder = dir.resolve("a/b/ponder");

        new SettingsStore(folder).save(chosen);
        SettingsStore reader = new SettingsStore(folder);

        assertThat(reader.load()).isEqualTo(chosen);
        assertThat(reader.loadWarning()).isEmpty();
    }

    @Test
    void aCentredWindowStaysCentred() {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.defaults());

        assertThat(new SettingsStore(dir).load().windowState().hasPosition()).isFalse();
    }

    @Test
    void savingCreatesAnOwnerOnlyFolderAndLeavesNoTemporaryFiles() throws IOException {
        Path folder = dir.resolve("ponder");
        SettingsStore store = new SettingsStore(folder);

        for (int size = 10; size < 15; size++) {
            store.save(Settings.defaults().withFontSize(size));
        }

        assertThat(names(folder)).containsExactly(SettingsStore.FILE_NAME);
        assertThat(new SettingsStore(folder).load().fontSize()).isEqualTo(14);
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }
    }

    @Test
    void missingAndNullFieldsGetTheirDefaults() throws IOException {
        write("""
                {"temperature": 0.8, "seed": null, "windowState": {"width": 1000, "lastConversationId": 5}}""");

        Settings loaded = new SettingsStore(dir).load();

        assertThat(loaded).isEqualTo(Settings.defaults().withTemperature(0.8)
                .withWindowState(WindowState.DEFAULT.withBounds(Double.NaN, Double.NaN, 1000, 800)
                        .withLastConversationId(5L)));
    }

    @Test
    void fieldsFromANewerPonderAreIgnoredOnLoadAndKeptOnSave() throws IOException {
        write("""
                {"theme": "SEPIA", "fontSize": 18, "voice": {"enabled": true}}""");
        SettingsStore store = new SettingsStore(dir);

        Settings loaded = store.load();
        store.save(loaded.withFontSize(20));

        assertThat(store.loadWarning()).isEmpty();
        assertThat(loaded.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(loaded.fontSize()).isEqualTo(18);
        assertThat(Files.readString(dir.resolve(SettingsStore.FILE_NAME))).contains("\"voice\"")
                .contains("\"enabled\" : true").contains("\"fontSize\" : 20.0");
    }

    @Test
    void aCorruptFileGivesTheDefaultsAWarningAndIsKeptAside() throws IOException {
        String broken = "{\"fontSize\": 18,\n  \"theme\": ";
        write(broken);
        SettingsStore store = new SettingsStore(dir, CLOCK);

        Settings loaded = store.load();

        Path kept = dir.resolve("settings.json.broken-20250304T050607089Z");
        assertThat(loaded).isEqualTo(Settings.defaults());
        assertThat(kept).hasContent(broken);
        assertThat(dir.resolve(SettingsStore.FILE_NAME)).doesNotExist();
        assertThat(store.loadWarning()).get().asString()
                .startsWith("Your settings in " + dir.resolve(SettingsStore.FILE_NAME) + " could not be read (")
                .contains("line 2")
                .endsWith("so Ponder started with the default settings. The old file was kept as " + kept + ".");

        store.save(loaded);
        assertThat(new SettingsStore(dir).load()).isEqualTo(Settings.defaults());
        assertThat(kept).hasContent(broken);
    }

    @Test
    void anInvalidValueIsReportedInTheSettingsOwnWords() throws IOException {
        write("{\"threads\": -3}");
        SettingsStore store = new SettingsStore(dir, CLOCK);

        assertThat(store.load()).isEqualTo(Settings.defaults());
        assertThat(store.loadWarning()).get().asString().contains("(threads must be at least 1, not -3)");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws IOException {
        write("{\"windowState\": {\"maximized\": \"very\"}}");
        SettingsStore store = new SettingsStore(dir, CLOCK);

        assertThat(store.load()).isEqualTo(Settings.defaults());
        assertThat(store.loadWarning()).get().asString().contains("the value of windowState.maximized is not valid");
    }

    @Test
    void anEmptyFileOrOneWithoutAnObjectIsBrokenToo() throws IOException {
        for (String content : List.of("", "[1, 2]", "null")) {
            write(content);
            SettingsStore store = new SettingsStore(dir, Clock.offset(CLOCK, java.time.Duration.ofMillis(
                    content.length())));

            assertThat(store.load()).isEqualTo(Settings.defaults());
            assertThat(store.loadWarning()).as(content).isPresent();
        }
        assertThat(names(dir)).hasSize(3).allMatch(name -> name.startsWith("settings.json.broken-"));
    }

    @Test
    void aSuccessfulLoadClearsTheWarningOfAnEarlierOne() throws IOException {
        write("{");
        SettingsStore store = new SettingsStore(dir, CLOCK);
        store.load();
        store.save(Settings.defaults());

        store.load();

        assertThat(store.loadWarning()).isEmpty();
    }

    @Test
    void savingWhereAFileBlocksTheFolderSaysWhatToCheck() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("ponder"), "x");

        assertThatThrownBy(() -> new SettingsStore(notAFolder).save(Settings.defaults()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot save your settings to " + notAFolder.resolve(SettingsStore.FILE_NAME))
                .hasMessageContaining("is writable");
    }

    private void write(String content) throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), content);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
