package dev.ponder.ui.book;

import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import atlantafx.base.theme.Styles;

/** Textbooks: the books of the data folder beside the one shown, and "New textbook". */
public final class BooksView extends SplitPane {

    private final JobView jobView;
    private final StackPane detail = new StackPane();
    private final Label empty = new Label("Describe a course and Ponder writes its textbook: press New textbook.");

    /** @param newBook asks the professor for a new book (the wizard), and starts it */
    public BooksView(BooksViewModel model, Runnable newBook, Consumer<String> openDocument) {
        setId("books-view");
        jobView = new JobView(openDocument);
        Button create = new Button("New textbook", new FontIcon(Material2AL.ADD));
        create.setId("new-book");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(event -> newBook.run());

        ListView<BooksViewModel.Entry> books = new ListView<>(model.books());
        books.setId("book-list");
        books.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BooksViewModel.Entry entry, boolean isEmpty) {
                super.updateItem(entry, isEmpty);
                setText(isEmpty || entry == null ? null : entry.title());
            }
        });
        books.setPlaceholder(new Label("No textbooks yet."));
        books.getSelectionModel().selectedItemProperty().addListener((observable, old, entry) -> {
            if (entry != null && (model.selectedProperty().get() == null
                    || !model.selectedProperty().get().dir().equals(entry.dir()))) {
                model.select(entry.dir());
            }
        });
        model.selectedProperty().addListener((observable, old, job) -> {
            if (job == null) {
                detail.getChildren().setAll(empty);
                return;
            }
            jobView.show(job);
            detail.getChildren().setAll(jobView);
            selectEntry(books, model);
        });
        model.books().addListener((ListChangeListener<BooksViewModel.Entry>) change -> selectEntry(books, model));
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        VBox.setVgrow(books, Priority.ALWAYS);
        VBox side = new VBox(8, create, books, problem);
        side.getStyleClass().add("sidebar");
        side.setPadding(new Insets(8));

        empty.getStyleClass().add(Styles.TEXT_MUTED);
        detail.getChildren().setAll(empty);
        getItems().addAll(side, detail);
        setDividerPositions(0.22);
        SplitPane.setResizableWithParent(side, false);
    }

    /** Keeps the list's selection on the book shown, also after the list is read again. */
    private static void selectEntry(ListView<BooksViewModel.Entry> books, BooksViewModel model) {
        JobViewModel job = model.selectedProperty().get();
        if (job != null) {
            model.books().stream().filter(entry -> entry.dir().equals(job.dir())).findFirst()
                    .ifPresent(entry -> books.getSelectionModel().select(entry));
        }
    }

    public JobView jobView() {
        return jobView;
    }
}
