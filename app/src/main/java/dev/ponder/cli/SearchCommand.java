package dev.ponder.cli;

import java.util.List;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ponder search TEXT}: messages whose answer or thinking holds every word. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search all messages.")
final class SearchCommand extends StoreCommand {

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "Words to find (each may be a word's start).")
    List<String> words;

    @Option(names = "--limit", description = "Most hits (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    int run(ChatRepository repository) {
        List<SearchHit> hits = repository.search(String.join(" ", words), limit);
        if (json) {
            System.out.println(Json.write(hits));
            return 0;
        }
        if (hits.isEmpty()) {
            System.out.println("Nothing found.");
        }
        for (SearchHit hit : hits) {
            System.out.printf("%5d/%-5d %s: %s%n", hit.conversationId(), hit.messageId(), hit.conversationTitle(),
                    hit.snippet().replace('\n', ' '));
        }
        return 0;
    }
}
