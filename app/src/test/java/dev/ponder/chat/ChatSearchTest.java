package dev.ponder.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ponder.store.Database;

class ChatSearchTest {

    @TempDir
    Path dir;

    private Database db;
    private ChatRepository repo;
    private long conv;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        repo = new ChatRepository(db);
        conv = repo.createConversation("Physics", "m").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void findsAWordInTheAnswerAndMarksItInTheSnippet() {
        long id = assistant("The sky looks blue because of Rayleigh scattering.", "");

        assertThat(repo.search("rayleigh", 10)).singleElement().satisfies(hit -> {
            assertThat(hit.messageId()).isEqualTo(id);
            assertThat(hit.conversationId()).isEqualTo(conv);
            assertThat(hit.conversationTitle()).isEqualTo("Physics");
            assertThat(hit.snippet()).contains("[Rayleigh]");
        });
    }

    @Test
    void findsAWordThatOnlyOccursInTheThinking() {
        long id = assistant("Blue.", "Let me recall the wavelength dependence: intensity goes as lambda^-4.");

        assertThat(repo.search("wavelength", 10)).extracting(SearchHit::messageId).containsExactly(id);
    }

    @Test
    void everyWordIsAPrefixAndAllWordsMustMatch() {
        long both = assistant("thermodynamics and entropy", "");
        assistant("thermodynamics only", "");

        assertThat(repo.search("therm", 10)).hasSize(2);
        assertThat(repo.search("therm entr", 10)).extracting(SearchHit::messageId).containsExactly(both);
    }

    @Test
    void ignoresCaseAndDiacritics() {
        long id = assistant("Un café à Paris", "");

        assertThat(repo.search("CAFE", 10)).extracting(SearchHit::messageId).containsExactly(id);
    }

    @Test
    void findsUserMessagesToo() {
        long id = repo.addUserMessage(conv, "What is a photon?").id();

        assertThat(repo.search("photon", 10)).extracting(SearchHit::messageId).containsExactly(id);
    }

    @Test
    void theIndexFollowsSaveProgress() {
        long id = repo.startAssistantMessage(conv, "m", null).id();
        repo.saveProgress(id, "first draft", "pondering");
        assertThat(repo.search("draft", 10)).hasSize(1);

        repo.saveProgress(id, "final version", "concluded");

        assertThat(repo.search("draft", 10)).isEmpty();
        assertThat(repo.search("pondering", 10)).isEmpty();
        assertThat(repo.search("final", 10)).extracting(SearchHit::messageId).containsExactly(id);
        assertThat(repo.search("concluded", 10)).extracting(SearchHit::messageId).containsExactly(id);
    }

    @Test
    void theLimitIsRespected() {
        for (int i = 0; i < 5; i++) {
            assistant("repeated word " + i, "");
        }

        assertThat(repo.search("repeated", 3)).hasSize(3);
        assertThat(repo.search("repeated", 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo\"bar", "\"", "\"\"", "(", "AND(", "AND", "OR", "NOT", "a AND", "NEAR", "NEAR(a b)",
            "*", "a*", "^a", "answer:", "thinking: x", "-x", "+", "{answer}", "'", "\\", "%", "a OR OR b", "½",
            "\u0301", "  \t ", ")))", "x\"y\"z"})
    void hostileInputNeverThrows(String input) {
        assistant("foo bar and near answer thinking x a b", "");

        assertThatCode(() -> repo.search(input, 10)).doesNotThrowAnyException();
    }

    @Test
    void operatorWordsAreSearchedAsPlainWords() {
        long id = assistant("this AND that", "");
        assistant("neither", "");

        assertThat(repo.search("AND", 10)).extracting(SearchHit::messageId).containsExactly(id);
        assertThat(repo.search("foo\"bar", 10)).isEmpty();
    }

    @Test
    void emptyOrBlankTextReturnsNothing() {
        assistant("anything", "");

        assertThat(repo.search("", 10)).isEmpty();
        assertThat(repo.search("   ", 10)).isEmpty();
        assertThat(repo.search(null, 10)).isEmpty();
    }

    private long assistant(String answer, String thinking) {
        long id = repo.startAssistantMessage(conv, "m", null).id();
        repo.finishAssistantMessage(id, answer, thinking, null, true, MessageStatus.COMPLETE, null, null);
        return id;
    }
}
