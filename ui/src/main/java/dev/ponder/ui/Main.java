package dev.ponder.ui;

import javafx.application.Application;

import dev.ponder.cli.PonderCli;

/**
 * Ponder's entry point: a CLI command when the first argument names one, the window otherwise. A plain class, not
 * the {@link Application}, so that the JavaFX runtime can come from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && PonderCli.isCommand(args[0])) {
            PonderCli.main(args);
            return;
        }
        Application.launch(PonderApp.class, args);
    }
}
