package dev.ponder.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless {@code ponder} command: chat, history, model inspection and benchmarks in a terminal. */
@Command(name = "ponder", mixinStandardHelpOptions = true, version = "Ponder 0.1.0",
        description = "Private reasoning chat with a local GGUF model.",
        subcommands = {ChatCommand.class, HistoryCommand.class, ShowCommand.class, SearchCommand.class,
                InspectCommand.class, ReasoningSplitCommand.class, BenchCommand.class, HardwareCommand.class,
                ModelsCommand.class, PlanCommand.class, PullCommand.class, RemoteCommand.class,
                CommandLine.HelpCommand.class})
public final class PonderCli {

    /** Exit code for input the user can fix: a bad model file, a bad option. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new PonderCli())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("ponder: " + e.getMessage());
                    return 1;
                });
    }
}
