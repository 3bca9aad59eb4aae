package dev.ponder.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.reasoning.ReasoningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder reasoning-split}: how a token stream splits into thinking and answer, for checking new models. */
@Command(name = "reasoning-split", mixinStandardHelpOptions = true,
        description = {"Read a JSON array of token strings on stdin and print",
                "{\"thinking\": …, \"answer\": …, \"thinking_closed\": true|false}."})
final class ReasoningSplitCommand implements Callable<Integer> {

    @Option(names = "--open", description = "Thinking start marker (default: ${DEFAULT-VALUE}).")
    String open = ReasoningMarkers.DEFAULT.open();

    @Option(names = "--close", description = "Thinking end marker (default: ${DEFAULT-VALUE}).")
    String close = ReasoningMarkers.DEFAULT.close();

    @Option(names = "--primed", description = "The chat template already opened the thinking block.")
    boolean primed;

    @Override
    public Integer call() throws IOException {
        List<String> tokens;
        try {
            tokens = Json.MAPPER.readValue(System.in, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            System.err.println("ponder: stdin must be a JSON array of strings: " + e.getOriginalMessage());
            return PonderCli.BAD_INPUT;
        }
        if (tokens == null || tokens.contains(null)) {
            System.err.println("ponder: stdin must be a JSON array of strings, without nulls");
            return PonderCli.BAD_INPUT;
        }
        ReasoningResult result = ReasoningResult.split(new ReasoningMarkers(open, close), primed, tokens);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("thinking", result.thinking());
        out.put("answer", result.answer());
        out.put("thinking_closed", result.thinkingClosed());
        System.out.println(Json.compact(out));
        return 0;
    }
}
