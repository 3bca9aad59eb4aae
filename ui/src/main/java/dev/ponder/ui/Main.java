package dev.ponder.ui;

import java.util.List;

import javafx.application.Application;

import dev.ponder.book.cli.BookCli;
import dev.ponder.cli.PonderCli;
import picocli.CommandLine;

/**
 * Ponder's entry point: a CLI command when the first argument names one, the window otherwise. A plain class, not
 * the {@link Application}, so that the JavaFX runtime can come from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The window does not build the CLI's commands: their classes cost it time and memory.
        if (args.length > 0 && !LaunchOptions.isWindowOption(args[0])) {
            CommandLine cli = PonderCli.commandLine().addSubcommand("book", BookCli.commandLine());
            cli.getCommandSpec().usageMessage().footer("", "Without a command, ponder opens the window "
                    + "(--model FILE preloads a model, --data-dir DIR picks the data folder).");
            if (isCommand(cli, args[0])) {
                System.exit(cli.execute(args));
            }
        }
        GpuLessRendering.chooseBeforeJavaFxStarts();
        Application.launch(PonderApp.class, args);
    }

    /** Whether {@code argument} starts a CLI command (or asks for help or the version) rather than the window. */
    static boolean isCommand(CommandLine cli, String argument) {
        return cli.getSubcommands().containsKey(argument)
                || List.of("-h", "--help", "-V", "--version").contains(argument);
    }
}
