package dev.ponder.engine;

import java.util.Objects;

/** One turn of a conversation as it is sent to the model (an assistant turn carries its answer only). */
public record ChatTurn(Role role, String content) {

    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatTurn user(String content) {
        return new ChatTurn(Role.USER, content);
    }

    public static ChatTurn assistant(String content) {
        return new ChatTurn(Role.ASSISTANT, content);
    }
}
