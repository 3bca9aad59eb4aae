package dev.ponder.cli;

import java.io.PrintStream;

/** Styling for a real terminal; plain text when the output is a pipe or a file. */
final class Terminal {

    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final boolean styled;

    Terminal(PrintStream out, boolean styled) {
        this.out = out;
        this.styled = styled;
    }

    static Terminal system() {
        var console = System.console();
        return new Terminal(System.out, console != null && console.isTerminal() && System.getenv("NO_COLOR") == null);
    }

    boolean styled() {
        return styled;
    }

    void dim(String text) {
        out.print(styled ? DIM + text + RESET : text);
        out.flush();
    }

    void bold(String text) {
        out.print(styled ? BOLD + text + RESET : text);
        out.flush();
    }

    void plain(String text) {
        out.print(text);
        out.flush();
    }
}
