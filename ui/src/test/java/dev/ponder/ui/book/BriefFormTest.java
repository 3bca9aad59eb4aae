package dev.ponder.ui.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ponder.book.brief.CourseBrief;

/** The brief as a form: scored as the professor types, with hints that name what is missing. */
@ExtendWith(ApplicationExtension.class)
class BriefFormTest {

    private BriefForm form;
    private Scene scene;

    @Start
    void start(Stage stage) {
        form = new BriefForm();
        scene = new Scene(form, 1000, 700);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFormWithoutATitleIsNoBriefAndSaysWhy() throws Exception {
        assertThat(WaitForAsyncUtils.asyncFx(() -> form.briefProperty().get()).get()).isNull();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup("#brief-score")).getText()).get())
                .contains("title is required");
    }

    @Test
    void theScoreRisesAsTheBriefGrowsAndTheHintsSayWhatIsMissing() throws Exception {
        int terse = WaitForAsyncUtils.asyncFx(() -> {
            ((TextField) scene.lookup("#brief-title")).setText("Introduction to Artificial Intelligence");
            return form.scoreProperty().get().total();
        }).get();
        @SuppressWarnings("unchecked")
        List<String> hints = WaitForAsyncUtils.asyncFx(() -> List.copyOf(((ListView<String>) scene
                .lookup("#brief-hints")).getItems())).get();
        assertThat(hints).anyMatch(hint -> hint.contains("audience")).anyMatch(hint -> hint.contains("outcomes"));

        int full = WaitForAsyncUtils.asyncFx(() -> {
            form.fill(new CourseBrief("Introduction to Artificial Intelligence", "undergraduate, first year",
                    "First-year computer science students who want to build intelligent programs",
                    "word ".repeat(120), List.of("none"), List.of("Explain how search finds a path",
                    "Implement breadth-first search", "Compare two classifiers on one data set",
                    "Evaluate a model with cross-validation", "Design an agent for a grid world",
                    "Define what an agent is"), 12, 45, "friendly and precise"));
            return form.scoreProperty().get().total();
        }).get();
        assertThat(full).isGreaterThan(terse).isGreaterThanOrEqualTo(90);
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup("#brief-score")).getText()).get())
                .isEqualTo("Score " + full + " / 100");
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((TextArea) scene.lookup("#brief-outcomes")).getText()).get())
                .contains("Implement breadth-first search");
    }
}
