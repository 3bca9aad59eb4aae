package dev.ponder.cli;

import java.util.Map;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.Conversation;
import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ponder show ID}: one conversation with its messages, thinking included. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a conversation with its messages.")
final class ShowCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The conversation, as ponder history lists it.")
    long id;

    @Override
    int run(ChatRepository repository) {
        Conversation conversation = repository.findConversation(id).orElse(null);
        if (conversation == null) {
            System.err.println("ponder: there is no conversation " + id + " (see ponder history)");
            return PonderCli.BAD_INPUT;
        }
        if (json) {
            // Every branch, each message with its parent: scripts can rebuild the tree.
            System.out.println(Json.write(Map.of("conversation", conversation, "messages", repository.messages(id))));
            return 0;
        }
        Terminal terminal = Terminal.system();
        terminal.bold("# " + conversation.title() + "\n");
        for (Message m : repository.activePath(id)) {
            terminal.bold("\n[" + m.id() + "] " + m.role().wireName()
                    + (m.status() == MessageStatus.COMPLETE ? "" : " (" + m.status().wireName() + ")") + "\n");
            if (!m.thinking().isEmpty()) {
                terminal.dim("Thinking" + (m.thinkingClosed() ? "" : " (unfinished)") + ":\n" + m.thinking()
                        + "\n\n");
            }
            terminal.plain(m.answer() + "\n");
            if (m.error() != null) {
                terminal.dim("error: " + m.error() + "\n");
            }
        }
        return 0;
    }
}
