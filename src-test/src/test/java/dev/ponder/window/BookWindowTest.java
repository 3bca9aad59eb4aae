package dev.ponder.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.book.brief.BriefFiles;
import dev.ponder.book.brief.CourseBrief;
import dev.ponder.book.graph.Concept;
import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.book.job.BookProgress;
import dev.ponder.book.job.ReviewedGraph;
import dev.ponder.testing.ScriptedEngine;
import dev.ponder.testing.SharedModel;
import dev.ponder.ui.book.JobViewModel;
import dev.ponder.ui.book.NewBook;

/**
 * A professor writes a textbook in the window, through the real engine on stories260K: the learning graph first,
 * drawn and edited (a concept removed, a cycle refused), then the chapters, paused and resumed, each chapter
 * previewed, and the site opened.
 */
class BookWindowTest {

    @TempDir
    Path dir;

    @Test
    void aTextbookIsWrittenReviewedPausedResumedAndOpened() throws Exception {
        Path model = SharedModel.stories260K();
        CourseBrief brief = BriefFiles.load(Path.of(System.getProperty("ponder.root"), "textbook-generator", "src",
                "test", "resources", "dev", "ponder", "book", "brief", "tiny-brief.yaml"));
        List<String> opened = new CopyOnWriteArrayList<>();
        try (WindowFixture fixture = WindowFixture.open(dir, ScriptedEngine.replying("hi"),
                settings -> settings.withThreads(1))) {
            WindowFixture.onFx(() -> {
                fixture.window().setDocumentOpener(opened::add);
                fixture.window().layout().showBooks();
                fixture.window().books().create(new NewBook(brief, model, 1, false));
                return null;
            });

            fixture.waitUntil(Duration.ofSeconds(60), () -> job(fixture) != null && ended(job(fixture)));
            JobViewModel job = WindowFixture.onFx(() -> job(fixture));
            pressUntil(fixture, job, "#write-graph", () -> job.graphProperty().get() != null);
            assertThat(job.dir().getParent()).isEqualTo(dir.resolve("data").resolve("books"));
            int concepts = WindowFixture.onFx(() -> job.graphProperty().get().concepts().size());
            fixture.waitUntil(Duration.ofSeconds(20), () -> fixture.window().booksView().jobView().graphEditor()
                    .drawnConcepts() == concepts);

            showTab(fixture, 1);
            String removed = theGraphIsEditedBeforeTheChapters(fixture, job, concepts);
            Thread.sleep(1500); // vis-network lays the graph out over a few frames
            fixture.screenshot("textbook-graph");
            showTab(fixture, 0);

            WindowFixture.onFx(() -> {
                ((Button) fixture.lookup("#write-book")).fire();
                ((Button) fixture.lookup("#pause-job")).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(60), () -> job.stateProperty().get() == JobViewModel.State.IDLE);
            assertThat(WindowFixture.onFx(() -> job.messageProperty().get())).startsWith("Paused");
            assertThat(WindowFixture.onFx(() -> job.siteWrittenProperty().get())).isFalse();

            pressUntil(fixture, job, "#write-book", () -> job.siteWrittenProperty().get());
            assertThat(WindowFixture.onFx(() -> job.messageProperty().get())).startsWith("The book is written");
            List<BookProgress.ChapterState> chapters = WindowFixture.onFx(() -> List.copyOf(job.chapters()));
            assertThat(chapters).hasSize(3).allSatisfy(chapter -> assertThat(chapter.parts().values())
                    .containsOnly(BookProgress.PartState.DONE));
            assertThat(LearningGraphFiles.read(job.dir().resolve("docs/learning-graph")).concepts())
                    .extracting(Concept::label).contains("Whisker Care").doesNotContain(removed);

            WindowFixture.onFx(() -> {
                @SuppressWarnings("unchecked")
                ListView<BookProgress.ChapterState> list = (ListView<BookProgress.ChapterState>) fixture
                        .lookup("#job-chapters");
                list.getSelectionModel().select(0);
                ((Button) fixture.lookup("#open-site")).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(120), () -> !opened.isEmpty());
            showTab(fixture, 2);
            Thread.sleep(500);
            fixture.screenshot("textbook-chapter");
            showTab(fixture, 0);
            assertThat(opened.getFirst()).startsWith("file:").satisfiesAnyOf(
                    address -> assertThat(address).endsWith("site/index.html"),
                    address -> assertThat(address).endsWith("docs/"));
            fixture.screenshot("textbook-job");
        }
    }

    /**
     * Presses a job button until {@code done} holds once the job has stopped: a tiny model's replies can fail their
     * checks three times in a row, and a professor would press it again (a resumed step samples anew).
     */
    private static void pressUntil(WindowFixture fixture, JobViewModel job, String button, BooleanSupplier done)
            throws Exception {
        for (int press = 1; !WindowFixture.onFx(done::getAsBoolean); press++) {
            assertThat(press).as("presses of " + button + "; the job said: "
                    + WindowFixture.onFx(() -> job.messageProperty().get())).isLessThanOrEqualTo(4);
            WindowFixture.onFx(() -> {
                ((Button) fixture.lookup(button)).fire();
                return null;
            });
            fixture.waitUntil(Duration.ofSeconds(120), () -> ended(job));
        }
    }

    /** The job has stopped, one way or another, and said so. */
    private static boolean ended(JobViewModel job) {
        String message = job.messageProperty().get();
        return job.stateProperty().get() == JobViewModel.State.IDLE && (message.startsWith("The ")
                || message.startsWith("Paused") || message.startsWith("Cancelled"));
    }

    /**
     * A concept removed through the table and the button; a dependency that would close a cycle is refused; a
     * concept added. Returns the removed concept's label.
     */
    private static String theGraphIsEditedBeforeTheChapters(WindowFixture fixture, JobViewModel job, int concepts)
            throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Concept> table = WindowFixture.onFx(() -> (TableView<Concept>) fixture.lookup("#concept-table"));
        Concept removed = WindowFixture.onFx(() -> table.getItems().getLast());
        WindowFixture.onFx(() -> {
            table.getSelectionModel().select(removed);
            ((Button) fixture.lookup("#remove-concept")).fire();
            return null;
        });
        fixture.waitUntil(Duration.ofSeconds(10), () -> fixture.window().booksView().jobView().graphEditor()
                .drawnConcepts() == concepts - 1);
        fixture.waitUntil(Duration.ofSeconds(10), () -> Files.exists(job.dir().resolve(ReviewedGraph.FILE_NAME)));

        String refused = WindowFixture.onFx(() -> {
            Concept dependent = table.getItems().stream().filter(c -> !c.dependencies().isEmpty()).findFirst()
                    .orElseThrow();
            Concept prerequisite = table.getItems().stream().filter(c -> c.id() == dependent.dependencies()
                    .getFirst()).findFirst().orElseThrow();
            // The prerequisite building on its own dependent would be a cycle.
            table.getSelectionModel().select(prerequisite);
            @SuppressWarnings("unchecked")
            ComboBox<Concept> other = (ComboBox<Concept>) fixture.lookup("#prerequisite");
            other.setValue(dependent);
            ((Button) fixture.lookup("#add-dependency")).fire();
            return job.messageProperty().get();
        });
        assertThat(refused).contains("cycle");

        WindowFixture.onFx(() -> {
            ((TextField) fixture.lookup("#new-concept-label")).setText("Whisker Care");
            ((Button) fixture.lookup("#add-concept")).fire();
            return null;
        });
        assertThat(WindowFixture.onFx(() -> table.getItems().stream().map(Concept::label).toList()))
                .contains("Whisker Care").doesNotContain(removed.label()).hasSize(concepts);
        return removed.label();
    }

    private static void showTab(WindowFixture fixture, int index) throws Exception {
        WindowFixture.onFx(() -> {
            ((TabPane) fixture.lookup("#job-tabs")).getSelectionModel().select(index);
            return null;
        });
    }

    private static JobViewModel job(WindowFixture fixture) {
        return fixture.window().books().selectedProperty().get();
    }
}
