package dev.ponder.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.store.Database;
import dev.ponder.store.StoreException;

class ConversationExporterTest {

    @TempDir
    Path dir;

    private Database db;
    private ChatRepository repo;
    private ConversationExporter exporter;
    private long conv;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        repo = new ChatRepository(db, new SteppingClock());
        exporter = new ConversationExporter(repo, ZoneOffset.UTC);
        conv = repo.createConversation("Sky colour", "r1").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aConversationBecomesTitleTurnsAndFoldedThinking() {
        repo.addUserMessage(conv, "Why is the sky blue?");
        answer("Rayleigh scattering.", "Short wavelengths scatter more.", 12_400L, MessageStatus.COMPLETE, null);

        assertThat(exporter.markdown(conv)).isEqualTo("""
                # Sky colour

                **You**

                Why is the sky blue?

                **Assistant** (r1\\_q4.gguf, 2023-11-14 22:13)

                <details><summary>Thought for 12 s</summary>

                ```text
                Short wavelengths scatter more.
                ```

                </details>

                Rayleigh scattering.
                """);
    }

    @Test
    void onlyTheBranchShownIsExported() {
        Message question = repo.addUserMessage(conv, "first version");
        repo.addUserMessageAfter(conv, null, "second version");

        assertThat(exporter.markdown(conv)).contains("second version").doesNotContain("first version");

        repo.selectBranch(question.id());
        assertThat(exporter.markdown(conv)).contains("first version").doesNotContain("second version");
    }

    @Test
    void thinkingCannotEndItsBlockEarly() {
        repo.addUserMessage(conv, "q");
        String hostile = "```\n</details>\n````\n# not a heading\n<script>";
        answer("fine", hostile, 1_000L, MessageStatus.COMPLETE, null);

        String md = exporter.markdown(conv);

        assertThat(md).contains("`````text\n" + hostile + "\n`````\n\n</details>\n\nfine\n");
    }

    @Test
    void anAnswerCutOffInsideACodeBlockIsClosedSoLaterTurnsSurvive() {
        repo.addUserMessage(conv, "code please");
        answer("```java\nclass A {", "", null, MessageStatus.INCOMPLETE, null);
        repo.addUserMessage(conv, "thanks");

        assertThat(exporter.markdown(conv)).contains("""
                ```java
                class A {
                ```

                *Incomplete: the reply stopped before the end.*

                **You**

                thanks
                """);
    }

    @Test
    void anAnswerKeepsItsIndentationButNotTheBlankLinesAroundIt() {
        repo.addUserMessage(conv, "q");
        answer("\n\n    indented code\n\n", "", null, MessageStatus.COMPLETE, null);

        assertThat(exporter.markdown(conv)).endsWith("**You**\n\nq\n\n**Assistant** (r1\\_q4.gguf, 2023-11-14 22:13)"
                + "\n\n    indented code\n");
    }

    @Test
    void closingFencesFollowCommonMark() {
        assertThat(ConversationExporter.closeOpenFence("text")).isEqualTo("text");
        assertThat(ConversationExporter.closeOpenFence("```\ncode\n```")).isEqualTo("```\ncode\n```");
        assertThat(ConversationExporter.closeOpenFence("````\n```\n")).isEqualTo("````\n```\n\n````");
        assertThat(ConversationExporter.closeOpenFence("~~~\n```\n~~~")).isEqualTo("~~~\n```\n~~~");
        assertThat(ConversationExporter.closeOpenFence("``` `not a fence`")).isEqualTo("``` `not a fence`");
        assertThat(ConversationExporter.closeOpenFence("```\n``` java")).isEqualTo("```\n``` java\n```");
    }

    @Test
    void failuresAndUnfinishedThinkingAreNoted() {
        repo.addUserMessage(conv, "q");
        answer("", "", null, MessageStatus.ERROR, "out of GPU memory");
        answer("half", "still going", null, MessageStatus.INCOMPLETE, "the engine process ended");

        String md = exporter.markdown(conv);

        assertThat(md).contains("*Failed: out of GPU memory*")
                .contains("<details><summary>Thinking (unfinished)</summary>")
                .contains("half\n\n*Incomplete: the reply stopped before the end (the engine process ended).*");
    }

    @Test
    void theTitleCannotInjectMarkdown() {
        repo.renameConversation(conv, "*bold* [link](x) <b>\nsecond line");

        assertThat(exporter.markdown(conv)).startsWith("# \\*bold\\* \\[link\\](x) \\<b\\> second line\n");
    }

    @Test
    void writeToReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        repo.addUserMessage(conv, "q");
        Path file = Files.writeString(dir.resolve("export.md"), "an older export");

        exporter.writeTo(conv, file);

        assertThat(file).hasContent(exporter.markdown(conv));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void writingToAMissingFolderSaysSo() {
        Path file = dir.resolve("missing/export.md");

        assertThatThrownBy(() -> exporter.writeTo(conv, file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot export the conversation to " + file);
        assertThat(file.getParent()).doesNotExist();
    }

    private void answer(String text, String thinking, Long thinkingMillis, MessageStatus status, String error) {
        long id = repo.startAssistantMessage(conv, "r1_q4.gguf", null).id();
        repo.finishAssistantMessage(id, text, thinking, thinkingMillis, thinkingMillis != null, status, error, null);
    }
}
