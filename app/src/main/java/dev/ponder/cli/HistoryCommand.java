package dev.ponder.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.Conversation;
import dev.ponder.chat.MessageStatus;
import picocli.CommandLine.Command;

/** {@code ponder history}: the conversations, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List conversations, newest first.")
final class HistoryCommand extends StoreCommand {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Override
    int run(ChatRepository repository) {
        List<Conversation> conversations = repository.listConversations();
        if (json) {
            System.out.println(Json.write(conversations));
            return 0;
        }
        if (conversations.isEmpty()) {
            System.out.println("No conversations yet: start one with ponder chat --model FILE.");
        }
        for (Conversation c : conversations) {
            String marks = repository.messages(c.id()).stream()
                    .anyMatch(m -> m.status() != MessageStatus.COMPLETE) ? "  (has incomplete)"
                    : "";
            System.out.printf("%5d  %s  %3d msgs  %s%s%n", c.id(), WHEN.format(c.updatedAt()), c.messageCount(),
                    c.title(), marks);
        }
        return 0;
    }
}
