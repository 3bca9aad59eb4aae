package dev.ponder.ui.book;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import dev.ponder.book.brief.BriefScore;
import dev.ponder.book.brief.CourseBrief;

/**
 * The course brief as a form, scored as the professor types: the score out of 100 and what to add, most important
 * first, as {@link BriefScore} says. A brief that cannot be a brief at all (no title) has no score and says why.
 */
public final class BriefForm extends GridPane {

    private final TextField title = field("brief-title", "Introduction to Artificial Intelligence");
    private final TextField level = field("brief-level", "undergraduate, first year");
    private final TextField audience = field("brief-audience", "who the readers are and what they want");
    private final TextArea description = area("brief-description", "What the course covers, what it leaves out, "
            + "how it is taught (100 words or more)", 5);
    private final TextArea prerequisites = area("brief-prerequisites", "One per line, or 'none'", 2);
    private final TextArea outcomes = area("brief-outcomes", "One per line, each starting with a Bloom verb: "
            + "Explain…, Implement…, Compare…", 5);
    private final Spinner<Integer> chapters = new Spinner<>(CourseBrief.MIN_CHAPTERS, CourseBrief.MAX_CHAPTERS, 10);
    private final Spinner<Integer> minutes = new Spinner<>(CourseBrief.MIN_MINUTES, CourseBrief.MAX_MINUTES, 45);
    private final TextField tone = field("brief-tone", "friendly and precise, with worked examples");

    private final ObjectProperty<CourseBrief> brief = new SimpleObjectProperty<>();
    private final ObjectProperty<BriefScore.Score> score = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<String> hints = FXCollections.observableArrayList();

    public BriefForm() {
        setHgap(10);
        setVgap(8);
        setPadding(new Insets(4));
        getColumnConstraints().addAll(new ColumnConstraints(), grow(), new ColumnConstraints(260));
        chapters.setId("brief-chapters");
        minutes.setId("brief-minutes");
        chapters.setEditable(true);
        minutes.setEditable(true);

        List<javafx.scene.Node> inputs = List.of(title, level, audience, description, prerequisites, outcomes,
                chapters, minutes, tone);
        List<String> labels = List.of("Title", "Level", "Audience", "Description", "Prerequisites",
                "Learning outcomes", "Chapters", "Minutes per chapter", "Tone");
        for (int row = 0; row < inputs.size(); row++) {
            addRow(row, new Label(labels.get(row)), inputs.get(row));
        }
        add(scorePane(), 2, 0, 1, inputs.size());

        for (TextInputControl input : List.of(title, level, audience, description, prerequisites, outcomes, tone)) {
            input.textProperty().addListener((observable, old, now) -> rescore());
        }
        chapters.valueProperty().addListener((observable, old, now) -> rescore());
        minutes.valueProperty().addListener((observable, old, now) -> rescore());
        rescore();
    }

    /** Fills the form from a brief, e.g. one read from a file. */
    public void fill(CourseBrief from) {
        title.setText(from.title());
        level.setText(from.level());
        audience.setText(from.audience());
        description.setText(from.description());
        prerequisites.setText(String.join("\n", from.prerequisites()));
        outcomes.setText(String.join("\n", from.outcomes()));
        chapters.getValueFactory().setValue(from.chapters());
        minutes.getValueFactory().setValue(from.minutesPerChapter());
        tone.setText(from.tone());
    }

    private VBox scorePane() {
        Label total = new Label();
        total.setId("brief-score");
        total.getStyleClass().add(Styles.TITLE_4);
        total.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> score.get() == null
                ? problem.get() : String.format(Locale.ROOT, "Score %d / 100%s", score.get().total(),
                score.get().goodEnough() ? "" : " (70 to start)"), score, problem));
        total.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> score.get() == null ? 0
                : score.get().total() / 100.0, score));
        ListView<String> hintList = new ListView<>(hints);
        hintList.setId("brief-hints");
        hintList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox.setVgrow(hintList, Priority.ALWAYS);
        VBox pane = new VBox(8, total, bar, new Label("To improve it:"), hintList);
        pane.setPadding(new Insets(0, 0, 0, 8));
        return pane;
    }

    private void rescore() {
        try {
            CourseBrief now = new CourseBrief(title.getText(), level.getText(), audience.getText(),
                    description.getText(), lines(prerequisites), lines(outcomes), chapters.getValue(),
                    minutes.getValue(), tone.getText());
            BriefScore.Score scored = BriefScore.score(now);
            brief.set(now);
            problem.set("");
            score.set(scored);
            hints.setAll(scored.hints());
        } catch (IllegalArgumentException e) {
            brief.set(null);
            score.set(null);
            problem.set("Not a brief yet: " + e.getMessage() + ".");
            hints.clear();
        }
    }

    private static List<String> lines(TextArea area) {
        return Arrays.stream(area.getText().split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .toList();
    }

    /** The brief as the form stands, or null while it cannot be one. */
    public ReadOnlyObjectProperty<CourseBrief> briefProperty() {
        return brief;
    }

    public ReadOnlyObjectProperty<BriefScore.Score> scoreProperty() {
        return score;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static TextArea area(String id, String prompt, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        return area;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setMinWidth(320);
        return column;
    }
}
