package dev.ponder.ui.model;

import javafx.stage.FileChooser;

/** The file dialog for GGUF models: the model picker's Open and the Models view's Import. */
public final class GgufChooser {

    private GgufChooser() {
    }

    public static FileChooser create(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("GGUF models", "*.gguf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }
}
