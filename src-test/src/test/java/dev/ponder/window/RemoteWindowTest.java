package dev.ponder.window;

import static dev.ponder.testing.ScriptedServer.json;
import static dev.ponder.testing.ScriptedServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.connections.Connection;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.ScriptedEngine;
import dev.ponder.testing.ScriptedServer;
import dev.ponder.ui.model.ModelInUse;

/**
 * A server added in Settings' Connections, tested there, its models listed in the model picker beside the local
 * files, and chosen: the chat then streams the server's reply, thinking and answer apart.
 */
class RemoteWindowTest {

    @TempDir
    Path dir;

    @Test
    void aServerAddedInSettingsIsTestedListedInThePickerAndAnswersTheChat() throws Exception {
        try (ScriptedServer server = ScriptedServer.start();
             WindowFixture fixture = WindowFixture.open(dir, ScriptedEngine.replying("from the local engine"))) {
            // The model list comes after a moment, so that the picker's "Loading…" can be seen.
            String models = "{\"object\":\"list\",\"data\":[{\"id\":\"deepseek-r1\"},{\"id\":\"qwq-32b\"}]}";
            server.on("/v1/models", exchange -> {
                Thread.sleep(500);
                json(200, models).answer(exchange);
            });
            server.on("/v1/chat/completions", stream(Duration.ofMillis(20), Chunks.reasoning("The user says hi."),
                    Chunks.content("Hello"), Chunks.content(" from the server."), Chunks.finish("stop", 5, 4, 40),
                    Chunks.DONE));

            DialogPane settings = fixture.openDialog("#open-settings");
            WindowFixture.screenshot("settings-general", settings.getScene());
            WindowFixture.onFx(() -> {
                ((TabPane) settings.lookup("#settings-tabs")).getSelectionModel().select(1);
                ((TextField) settings.lookup("#connection-name")).setText("gpu-box");
                ((TextField) settings.lookup("#connection-address")).setText(server.root() + "/v1");
                @SuppressWarnings("unchecked")
                Spinner<Integer> parallel = (Spinner<Integer>) settings.lookup("#connection-parallel");
                parallel.getValueFactory().setValue(2);
                ((Button) settings.lookup("#connection-add")).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> connectionList(settings).getItems().size() == 1);
            assertThat(WindowFixture.onFx(() -> connectionList(settings).getItems().getFirst()))
                    .isEqualTo(Connection.of("gpu-box", server.root().toString(), 2));

            fixture.waitUntil(Duration.ofSeconds(10), () -> settings.lookup(".test-connection") != null);
            WindowFixture.onFx(() -> {
                ((Button) settings.lookup(".test-connection")).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> result(settings).startsWith("Connected"));
            assertThat(WindowFixture.onFx(() -> result(settings))).contains("2 model(s): deepseek-r1, qwq-32b");
            Thread.sleep(300);
            WindowFixture.screenshot("settings-connections", settings.getScene());
            fixture.pressDialogButton("Cancel");

            MenuButton picker = WindowFixture.onFx(() -> (MenuButton) fixture.lookup("#model-picker"));
            WindowFixture.onFx(() -> {
                picker.show();
                return null;
            });
            assertThat(WindowFixture.onFx(() -> texts(picker.getItems())))
                    .contains("Remote: gpu-box (" + server.root() + ")", "Loading…");
            fixture.waitUntil(Duration.ofSeconds(10), () -> texts(picker.getItems()).contains("qwq-32b  (remote)"));
            assertThat(WindowFixture.onFx(() -> texts(picker.getItems()))).doesNotContain("Loading…")
                    .containsSubsequence("Open GGUF file…", "Remote: gpu-box (" + server.root() + ")",
                            "deepseek-r1  (remote)", "qwq-32b  (remote)");
            Thread.sleep(300);
            WindowFixture.screenshot("picker-remote", WindowFixture.onFx(() -> Window.getWindows().stream()
                    .filter(window -> window instanceof ContextMenu && window.isShowing()).findFirst().orElseThrow()
                    .getScene()));
            WindowFixture.onFx(() -> {
                picker.getItems().stream().filter(item -> "deepseek-r1  (remote)".equals(item.getText()))
                        .findFirst().orElseThrow().fire();
                picker.hide();
                return null;
            });

            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().model().inUseProperty()
                    .get() instanceof ModelInUse.Remote);
            assertThat(WindowFixture.onFx(picker::getText)).isEqualTo("deepseek-r1 · gpu-box");
            assertThat(WindowFixture.onFx(() -> ((Label) fixture.lookup("#model-facts")).getText()))
                    .isEqualTo("remote · " + server.root() + " · 2 requests at once");

            fixture.send("Hi");
            long reply = fixture.awaitReply(Duration.ofSeconds(30));
            var transcript = fixture.window().transcript();
            assertThat(WindowFixture.onFx(() -> transcript.thinkingText(reply))).isEqualTo("The user says hi.");
            assertThat(WindowFixture.onFx(() -> transcript.answerText(reply))).contains("Hello from the server.");
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().message().model()))
                    .isEqualTo("deepseek-r1");
            assertThat(server.received("/v1/chat/completions")).singleElement()
                    .satisfies(request -> assertThat(request.body()).contains("\"model\":\"deepseek-r1\""));
            Thread.sleep(500);
            fixture.screenshot("remote-chat");
        }
    }

    @Test
    void aServerThatCannotBeReachedSaysSoInThePicker() throws Exception {
        try (WindowFixture fixture = WindowFixture.open(dir, ScriptedEngine.replying("hi"))) {
            WindowFixture.onFx(() -> {
                // Port 9 (discard) is closed on a machine that runs no such service: the connection is refused.
                fixture.window().connections().add("nowhere", "http://127.0.0.1:9", 1, "");
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().connections().list().size() == 1);
            MenuButton picker = WindowFixture.onFx(() -> (MenuButton) fixture.lookup("#model-picker"));
            WindowFixture.onFx(() -> {
                picker.show();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(20), () -> picker.getItems().stream()
                    .anyMatch(item -> item.getStyleClass().contains("remote-problem")));
            String problem = WindowFixture.onFx(() -> picker.getItems().stream()
                    .filter(item -> item.getStyleClass().contains("remote-problem"))
                    .map(item -> ((Label) ((CustomMenuItem) item).getContent()).getText()).findFirst().orElseThrow());
            assertThat(problem).startsWith("Cannot reach the server at http://127.0.0.1:9").contains("running");
            WindowFixture.onFx(() -> {
                picker.hide();
                return null;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<Connection> connectionList(DialogPane settings) {
        return (ListView<Connection>) settings.lookup("#connection-list");
    }

    private static String result(DialogPane settings) {
        return ((Label) settings.lookup("#connection-result")).getText();
    }

    private static List<String> texts(List<MenuItem> items) {
        return items.stream().map(MenuItem::getText).filter(text -> text != null).toList();
    }
}
