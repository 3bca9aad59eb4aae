package dev.ponder.engine.process;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadedModel;

/** What the engine child answers, tagged with the id of the request it answers. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Reply.Loaded.class, name = "loaded"),
        @JsonSubTypes.Type(value = Reply.Done.class, name = "done"),
        @JsonSubTypes.Type(value = Reply.Prompt.class, name = "prompt"),
        @JsonSubTypes.Type(value = Reply.Token.class, name = "token"),
        @JsonSubTypes.Type(value = Reply.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = Reply.TokenIds.class, name = "token_ids"),
        @JsonSubTypes.Type(value = Reply.Status.class, name = "status"),
        @JsonSubTypes.Type(value = Reply.Failed.class, name = "failed")})
sealed interface Reply {

    long id();

    /** Whether this reply ends its request. */
    default boolean last() {
        return true;
    }

    record Loaded(long id, LoadedModel model) implements Reply {
    }

    record Done(long id) implements Reply {
    }

    record Prompt(long id, String text) implements Reply {
        @Override
        public boolean last() {
            return false;
        }
    }

    /** The text of one generated token. */
    record Token(long id, String text) implements Reply {
        @Override
        public boolean last() {
            return false;
        }
    }

    record Finished(long id, Generation generation) implements Reply {
    }

    record TokenIds(long id, int[] ids) implements Reply {
    }

    /** The child's own health: its Java heap, for the figures the app reports. */
    record Status(long id, long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long pid)
            implements Reply {
    }

    /**
     * A request failed inside the child. {@code loadFailure} tells a model the engine refused from any other error;
     * {@code backendFailure}, a load the child's backend could not do, which another backend may.
     */
    record Failed(long id, boolean loadFailure, boolean backendFailure, String message) implements Reply {
    }
}
