package dev.ponder.ui.book;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import dev.ponder.book.brief.BriefFiles;
import dev.ponder.ui.Background;

/**
 * "New textbook": the brief as a form with its live score, a brief file to start from, the model, and how many
 * chapters to write at once. Starting needs a score of 70, or the professor's say-so.
 */
public final class NewBookDialog {

    private final Dialog<NewBook> dialog = new Dialog<>();
    private final BriefForm form = new BriefForm();
    private final ComboBox<String> model = new ComboBox<>();
    private final Spinner<Integer> parallel = new Spinner<>(1, 8, 1);
    private final CheckBox ignoreScore = new CheckBox("Write it even though the brief scores under 70");
    private final Label fileProblem = new Label();
    private final Background background;

    public NewBookDialog(Window owner, Background background, List<String> recentModels, String loadedModel) {
        this.background = background;
        dialog.initOwner(owner);
        dialog.setTitle("New textbook");
        dialog.setHeaderText("Describe the course. Ponder writes its learning graph first, for you to review.");
        dialog.setResizable(true);

        model.setId("book-model");
        model.setEditable(true);
        model.getItems().setAll(recentModels);
        model.setValue(loadedModel != null ? loadedModel : recentModels.isEmpty() ? "" : recentModels.getFirst());
        model.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(model, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(event -> chooseModel());
        Button openBrief = new Button("Open brief file…");
        openBrief.setId("open-brief");
        openBrief.setOnAction(event -> openBrief());
        fileProblem.getStyleClass().add(Styles.DANGER);
        fileProblem.setWrapText(true);
        parallel.setId("book-parallel");
        ignoreScore.setId("ignore-brief-score");

        HBox modelRow = new HBox(8, new Label("Model"), model, browse, new Label("Chapters at once"), parallel);
        modelRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(10, new HBox(8, openBrief, fileProblem), form, modelRow, ignoreScore);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(1000);

        ButtonType start = new ButtonType("Write learning graph", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        BooleanBinding ready = Bindings.createBooleanBinding(() -> form.briefProperty().get() != null
                        && model.getValue() != null && !model.getValue().isBlank()
                        && (form.scoreProperty().get().goodEnough() || ignoreScore.isSelected()),
                form.briefProperty(), form.scoreProperty(), model.valueProperty(), ignoreScore.selectedProperty());
        dialog.getDialogPane().lookupButton(start).disableProperty().bind(ready.not());
        dialog.setResultConverter(button -> button == start ? new NewBook(form.briefProperty().get(),
                Path.of(model.getValue().strip()), parallel.getValue(), ignoreScore.isSelected()) : null);
    }

    public Optional<NewBook> ask() {
        return dialog.showAndWait();
    }

    BriefForm form() {
        return form;
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The model that writes the book");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GGUF models", "*.gguf"));
        File file = chooser.showOpenDialog(dialog.getOwner());
        if (file != null) {
            model.setValue(file.getAbsolutePath());
        }
    }

    private void openBrief() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("A course brief");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Course briefs (YAML)", "*.yaml", "*.yml"));
        File file = chooser.showOpenDialog(dialog.getOwner());
        if (file == null) {
            return;
        }
        background.run(() -> BriefFiles.load(file.toPath()), brief -> {
            form.fill(brief);
            fileProblem.setText("");
        }, error -> fileProblem.setText(error.getMessage()));
    }
}
