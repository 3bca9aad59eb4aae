package dev.ponder.engine.process;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.Sampling;

/** What the app asks of the engine child: one JSON line each over the engine socket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Request.Load.class, name = "load"),
        @JsonSubTypes.Type(value = Request.Chat.class, name = "chat"),
        @JsonSubTypes.Type(value = Request.Complete.class, name = "complete"),
        @JsonSubTypes.Type(value = Request.Tokenize.class, name = "tokenize"),
        @JsonSubTypes.Type(value = Request.Status.class, name = "status"),
        @JsonSubTypes.Type(value = Request.Cancel.class, name = "cancel"),
        @JsonSubTypes.Type(value = Request.Shutdown.class, name = "shutdown")})
sealed interface Request {

    long id();

    /** Builds a request once its id is known. */
    @FunctionalInterface
    interface Factory {
        Request create(long id);
    }

    record Load(long id, LoadSettings settings) implements Request {
    }

    /** @param jsonSchema the schema the reply must match, or null */
    record Chat(long id, List<ChatTurn> turns, Sampling sampling, String jsonSchema) implements Request {
    }

    record Complete(long id, CompletionRequest request) implements Request {
    }

    record Tokenize(long id, String text) implements Request {
    }

    record Status(long id) implements Request {
    }

    /** Cancels whatever generates now; answered by that generation's own end. */
    record Cancel(long id) implements Request {
    }

    record Shutdown(long id) implements Request {
    }
}
