package dev.ponder.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.Conversation;
import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;
import dev.ponder.store.Database;
import dev.ponder.testing.ScriptedEngine;

/** The chat window with a scripted engine: what the user sees of thinking, stopping, searching and restarting. */
class ChatWindowTest {

    private static final String R1_PROMPT = "<｜User｜>Why is the sky blue?<｜Assistant｜><think>\n";

    @TempDir
    Path dir;

    @Test
    void aScriptedReplyShowsThinkingBesideTheAnswerThenFoldsItAway() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(R1_PROMPT, List.of("Light", " scatters", ".", "</think>",
                "\n\n**Rayleigh** scattering."));
        try (WindowFixture fixture = WindowFixture.open(dir, engine,
                settings -> settings.withThinkingCollapsedByDefault(true))) {
            fixture.send("Why is the sky blue?");
            long reply = fixture.awaitReply(Duration.ofSeconds(30));

            var transcript = fixture.window().transcript();
            assertThat(WindowFixture.onFx(() -> transcript.thinkingText(reply))).isEqualTo("Light scatters.");
            assertThat(WindowFixture.onFx(() -> transcript.answerText(reply))).contains("Rayleigh scattering.");
            assertThat(WindowFixture.onFx(() -> transcript.thinkingLabel(reply))).startsWith("Thought for");
            assertThat(WindowFixture.onFx(() -> transcript.isThinkingCollapsed(reply))).isTrue();
        }
    }

    @Test
    void stopEndsTheReplyWithinAHundredMillisecondsAndKeepsWhatWasWritten() throws Exception {
        try (WindowFixture fixture = WindowFixture.open(dir, tenSecondReply())) {
            fixture.send("Talk for a long time");
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().chat().liveProperty().get() != null);
            Thread.sleep(300);

            long pressed = System.nanoTime();
            WindowFixture.onFx(() -> {
                ((Button) fixture.lookup("#stop")).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(5), () -> !fixture.window().chat().generatingProperty().get());
            double stoppedMillis = (System.nanoTime() - pressed) / 1e6;

            assertThat(stoppedMillis).isLessThan(100);
            Message reply = lastMessage(fixture);
            assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
            assertThat(reply.answer()).startsWith("word0 word1").doesNotContain("word1999");
        }
    }

    @Test
    void searchFindsAnOldMessageAndOpensItsConversation() throws Exception {
        seedConversation("Zebras", "Tell me about zebras", "Zebras have stripes.");
        seedConversation("Cats", "Tell me about cats", "Cats purr.");
        try (WindowFixture fixture = WindowFixture.open(dir, new ScriptedEngine("", List.of()))) {
            WindowFixture.onFx(() -> {
                ((TextField) fixture.lookup("#search")).setText("stripes");
                return null;
            });
            @SuppressWarnings("unchecked")
            ListView<Object> results = (ListView<Object>) WindowFixture.onFx(() -> fixture.lookup("#search-results"));
            fixture.waitUntil(Duration.ofSeconds(5), () -> results.getItems().size() == 1 && results.isVisible());

            WindowFixture.onFx(() -> {
                results.getSelectionModel().select(0);
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(5), () -> fixture.window().chat().turns().size() == 2);
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().get(1).message().answer()))
                    .isEqualTo("Zebras have stripes.");
        }
    }

    @Test
    void aSearchHitAmongOlderTurnsIsBroughtIntoViewAndMarked() throws Exception {
        long hit;
        try (Database db = Database.open(dir.resolve("data"))) {
            ChatRepository repository = new ChatRepository(db);
            long id = repository.createConversation("Long", "seed.gguf").id();
            long found = 0;
            for (int i = 0; i < 75; i++) {
                repository.addUserMessage(id, "question " + i);
                Message reply = repository.startAssistantMessage(id, "seed.gguf", null);
                repository.finishAssistantMessage(reply.id(), i == 3 ? "an aardvark digs" : "answer " + i, "", null,
                        true, MessageStatus.COMPLETE, null, dev.ponder.chat.GenerationStats.NONE);
                found = i == 3 ? reply.id() : found;
            }
            hit = found;
        }
        try (WindowFixture fixture = WindowFixture.open(dir, new ScriptedEngine("", List.of()))) {
            WindowFixture.onFx(() -> {
                ((TextField) fixture.lookup("#search")).setText("aardvark");
                return null;
            });
            @SuppressWarnings("unchecked")
            ListView<Object> results = (ListView<Object>) WindowFixture.onFx(() -> fixture.lookup("#search-results"));
            fixture.waitUntil(Duration.ofSeconds(5), () -> results.getItems().size() == 1);
            WindowFixture.onFx(() -> {
                results.getSelectionModel().select(0);
                return null;
            });

            var transcript = fixture.window().transcript();
            fixture.waitUntil(Duration.ofSeconds(10), () -> transcript.isRevealed(hit));
            assertThat(WindowFixture.onFx(() -> transcript.answerText(hit))).contains("aardvark");
            assertThat(WindowFixture.onFx(transcript::messageCount)).isLessThan(150);
        }
    }

    @Test
    void aRegeneratedAnswerKeepsTheOldOneAVersionAway() throws Exception {
        ScriptedEngine engine = ScriptedEngine.replying("First answer.", "Second answer.");
        try (WindowFixture fixture = WindowFixture.open(dir, engine)) {
            fixture.send("Question");
            fixture.awaitReply(Duration.ofSeconds(30));
            WindowFixture.onFx(() -> {
                fixture.window().chat().regenerate();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> !fixture.window().chat().generatingProperty().get()
                    && fixture.window().chat().turns().size() == 2
                    && fixture.window().chat().turns().getLast().branchCount() == 2);
            long second = fixture.awaitReply(Duration.ofSeconds(30));
            var transcript = fixture.window().transcript();
            fixture.waitUntil(Duration.ofSeconds(5), () -> "2 / 2".equals(transcript.branchLabel(second)));
            assertThat(WindowFixture.onFx(() -> transcript.answerText(second))).contains("Second answer.");

            WindowFixture.onFx(() -> {
                fixture.window().chat().switchBranch(second, -1);
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().chat().turns().getLast().id() != second);
            long first = WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().id());
            fixture.waitUntil(Duration.ofSeconds(5), () -> "1 / 2".equals(transcript.branchLabel(first))
                    && transcript.answerText(first).contains("First answer."));
        }
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsReportedAndTheNextMessageWorks() throws Exception {
        ScriptedEngine engine = ScriptedEngine.replying("Fine.");
        try (WindowFixture fixture = WindowFixture.open(dir, engine)) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data")
                    .resolve(Database.FILE_NAME));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                fixture.send("Are you there?");
                fixture.waitUntil(Duration.ofSeconds(20), () -> fixture.window().chat().problemProperty().get() != null);
                assertThat(WindowFixture.onFx(() -> fixture.window().chat().problemProperty().get()))
                        .containsIgnoringCase("locked");
                lock.execute("ROLLBACK");
            }
            fixture.send("Are you there now?");
            fixture.awaitReply(Duration.ofSeconds(20));
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().message().answer()))
                    .isEqualTo("Fine.");
        }
    }

    @Test
    void restartingTheAppShowsTheSameConversationsAndReopensTheLastOne() throws Exception {
        ScriptedEngine engine = new ScriptedEngine("", List.of("Hello", " there."));
        try (WindowFixture fixture = WindowFixture.open(dir, engine)) {
            fixture.send("First message");
            fixture.awaitReply(Duration.ofSeconds(30));
        }
        try (WindowFixture again = WindowFixture.open(dir, engine)) {
            @SuppressWarnings("unchecked")
            ListView<Object> conversations = (ListView<Object>) WindowFixture.onFx(
                    () -> again.lookup("#conversations"));
            again.waitUntil(Duration.ofSeconds(5), () -> conversations.getItems().size() == 1);
            again.waitUntil(Duration.ofSeconds(5), () -> again.window().chat().turns().size() == 2);
            long reply = WindowFixture.onFx(() -> again.window().chat().turns().get(1).id());
            again.waitUntil(Duration.ofSeconds(5), () -> again.window().transcript().messageCount() == 2);
            assertThat(WindowFixture.onFx(() -> again.window().transcript().answerText(reply)))
                    .contains("Hello there.");
        }
    }

    @Test
    void aDeletedConversationCanBeBroughtBackUntilTheUndoTimePasses() throws Exception {
        seedConversation("Keep me", "q", "a");
        try (WindowFixture fixture = WindowFixture.open(dir, new ScriptedEngine("", List.of()))) {
            var conversations = fixture.window().conversations();
            fixture.waitUntil(Duration.ofSeconds(5), () -> conversations.conversations().size() == 1);

            WindowFixture.onFx(() -> {
                conversations.delete(conversations.conversations().getFirst());
                return null;
            });
            Node undo = WindowFixture.onFx(() -> fixture.lookup("#undo-delete"));
            fixture.waitUntil(Duration.ofSeconds(5), () -> conversations.conversations().isEmpty() && undo.isVisible());
            WindowFixture.onFx(() -> {
                ((Button) undo).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(5), () -> conversations.conversations().size() == 1);
        }
        try (Database db = Database.open(dir.resolve("data"))) {
            assertThat(new ChatRepository(db).listConversations()).hasSize(1);
        }
    }

    @Test
    void aNewConversationIsInTheSidebarWhileItsFirstReplyStreams() throws Exception {
        try (WindowFixture fixture = WindowFixture.open(dir, tenSecondReply())) {
            fixture.send("Talk for a long time");
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().chat().liveProperty().get() != null);

            fixture.waitUntil(Duration.ofSeconds(5), () -> rowOf(fixture, "Talk for a long time") != null);
            assertThat(fixture.window().chat().generatingProperty().get()).isTrue();
            WindowFixture.onFx(() -> {
                ((Button) fixture.lookup("#stop")).fire();
                return null;
            });
        }
    }

    @Test
    void aRowsMenuActsOnTheConversationItWasOpenedOn() throws Exception {
        seedConversation("First", "q", "a");
        seedConversation("Second", "q", "a");
        try (WindowFixture fixture = WindowFixture.open(dir, new ScriptedEngine("", List.of()))) {
            var conversations = fixture.window().conversations();
            fixture.waitUntil(Duration.ofSeconds(5), () -> conversations.conversations().size() == 2);
            fixture.waitUntil(Duration.ofSeconds(5), () -> rowOf(fixture, "First") != null);

            ContextMenu menu = WindowFixture.onFx(() -> {
                ListCell<?> row = rowOf(fixture, "First");
                row.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, 100, 100, false,
                        null));
                return Window.getWindows().stream().filter(window -> window instanceof ContextMenu
                        && window.isShowing()).map(ContextMenu.class::cast).findFirst().orElseThrow();
            });
            assertThat(menu.getItems()).extracting(MenuItem::getText)
                    .containsExactly("Rename…", "Export to Markdown…", "Delete");
            WindowFixture.onFx(() -> {
                menu.getItems().getLast().fire();
                menu.hide();
                return null;
            });

            fixture.waitUntil(Duration.ofSeconds(5), () -> conversations.conversations().size() == 1);
            assertThat(WindowFixture.onFx(() -> conversations.conversations().getFirst().title())).isEqualTo("Second");
        }
    }

    /** "word0 word1 …", 2,000 words at 200 a second: a reply still streaming whenever a test looks. */
    private static ScriptedEngine tenSecondReply() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            tokens.add("word" + i + " ");
        }
        return new ScriptedEngine("", tokens).withTokenDelay(Duration.ofMillis(5));
    }

    private static ListCell<?> rowOf(WindowFixture fixture, String title) {
        return fixture.lookup("#conversations").lookupAll(".list-cell").stream().map(node -> (ListCell<?>) node)
                .filter(cell -> cell.getItem() instanceof Conversation conversation
                        && conversation.title().equals(title)).findFirst().orElse(null);
    }

    @Test
    void editingAQuestionMakesABranchAndTheOldOneIsOneClickAway() throws Exception {
        ScriptedEngine engine = new ScriptedEngine("", List.of("An", " answer."));
        try (WindowFixture fixture = WindowFixture.open(dir, engine)) {
            fixture.send("First version");
            fixture.awaitReply(Duration.ofSeconds(30));
            long question = WindowFixture.onFx(() -> fixture.window().chat().turns().getFirst().id());

            WindowFixture.onFx(() -> {
                fixture.window().chat().edit(question, "Second version");
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().chat().turns().size() == 2
                    && fixture.window().chat().turns().getFirst().branchCount() == 2
                    && !fixture.window().chat().generatingProperty().get());
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getFirst().message().answer()))
                    .isEqualTo("Second version");

            long edited = WindowFixture.onFx(() -> fixture.window().chat().turns().getFirst().id());
            WindowFixture.onFx(() -> {
                fixture.window().chat().switchBranch(edited, -1);
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> "First version".equals(
                    fixture.window().chat().turns().getFirst().message().answer()));
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getFirst().branchIndex())).isEqualTo(1);
        }
    }

    /** A stored conversation of 75 questions and answers: 150 messages, more than the transcript shows at once. */
    private long longConversation() throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            ChatRepository repository = new ChatRepository(db);
            long id = repository.createConversation("Long", "seed.gguf").id();
            for (int i = 0; i < 75; i++) {
                repository.addUserMessage(id, "question " + i);
                Message reply = repository.startAssistantMessage(id, "seed.gguf", null);
                repository.finishAssistantMessage(reply.id(), "answer " + i, "", null, true, MessageStatus.COMPLETE,
                        null, dev.ponder.chat.GenerationStats.NONE);
            }
            return id;
        }
    }

    @Test
    void earlierMessagesStayAskedForWhenTheConversationReloadsWhileTheyRender() throws Exception {
        long id = longConversation();
        try (WindowFixture fixture = WindowFixture.open(dir, new ScriptedEngine("", List.of()))) {
            WindowFixture.onFx(() -> {
                fixture.window().chat().open(id);
                return null;
            });
            var transcript = fixture.window().transcript();
            fixture.waitUntil(Duration.ofSeconds(10), () -> transcript.messageCount() == 60);
            Button earlier = (Button) WindowFixture.onFx(() -> fixture.lookup("#show-earlier"));

            // The same conversation loaded again (as a second open, or a refresh, does) lands while the earlier
            // messages are still being rendered.
            WindowFixture.onFx(() -> {
                earlier.fire();
                fixture.window().chat().open(id);
                return null;
            });

            fixture.waitUntil(Duration.ofSeconds(10), () -> transcript.messageCount() == 120);
        }
    }

    @Test
    void aLongConversationOpensAtItsNewestTurnsAndShowsEarlierOnesOnRequest() throws Exception {
        longConversation();
        try (WindowFixture fixture = WindowFixture.open(dir, new ScriptedEngine("", List.of()))) {
            var conversations = fixture.window().conversations();
            fixture.waitUntil(Duration.ofSeconds(5), () -> conversations.conversations().size() == 1);
            WindowFixture.onFx(() -> {
                fixture.window().chat().open(conversations.conversations().getFirst().id());
                return null;
            });
            var transcript = fixture.window().transcript();
            fixture.waitUntil(Duration.ofSeconds(10), () -> transcript.messageCount() == 60);
            Button earlier = (Button) WindowFixture.onFx(() -> fixture.lookup("#show-earlier"));
            assertThat(WindowFixture.onFx(earlier::isVisible)).isTrue();

            WindowFixture.onFx(() -> {
                earlier.fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> transcript.messageCount() == 120);
            WindowFixture.onFx(() -> {
                earlier.fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(10), () -> transcript.messageCount() == 150);
            assertThat(WindowFixture.onFx(earlier::isVisible)).isFalse();
        }
    }

    private Message lastMessage(WindowFixture fixture) throws Exception {
        long id = WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().id());
        try (Database db = Database.open(dir.resolve("data"))) {
            return new ChatRepository(db).findMessage(id).orElseThrow();
        }
    }

    private void seedConversation(String title, String question, String answer) {
        try (Database db = Database.open(dir.resolve("data"))) {
            ChatRepository repository = new ChatRepository(db);
            long id = repository.createConversation(title, "seed.gguf").id();
            repository.addUserMessage(id, question);
            Message reply = repository.startAssistantMessage(id, "seed.gguf", null);
            repository.finishAssistantMessage(reply.id(), answer, "", null, true, MessageStatus.COMPLETE, null,
                    dev.ponder.chat.GenerationStats.NONE);
        }
    }
}
