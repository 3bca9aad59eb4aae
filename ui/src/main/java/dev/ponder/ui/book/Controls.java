package dev.ponder.ui.book;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;

/** The buttons and read-only table columns the book views are made of. */
final class Controls {

    private Controls() {
    }

    static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE); // a cramped pane cuts fields, never a button's words
        return button;
    }

    static <S, T> TableColumn<S, T> column(String name, double width, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
