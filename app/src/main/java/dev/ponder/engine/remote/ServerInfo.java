package dev.ponder.engine.remote;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a server says about itself: the models it lists at {@code /v1/models} and, when it is llama.cpp's
 * {@code llama-server} (which answers {@code /props}), its context per slot and its slots.
 *
 * @param contextPerSlot tokens each of llama-server's slots holds; 0 when unknown
 * @param slots          llama-server's slots (its {@code --parallel}); 0 when unknown
 */
public record ServerInfo(URI root, List<RemoteModel> models, boolean llamaServer, int contextPerSlot, int slots) {

    /** The context assumed for a server that says nothing of it, as for a local model. */
    static final int DEFAULT_CONTEXT = 4096;

    public ServerInfo {
        models = List.copyOf(models);
    }

    /**
     * A model a server lists.
     *
     * @param contextLength the longest context it takes (vLLM's {@code max_model_len}); 0 when the server says not
     */
    public record RemoteModel(String id, int contextLength) {
    }

    static List<RemoteModel> parseModels(JsonNode list) {
        List<RemoteModel> models = new ArrayList<>();
        for (JsonNode model : list.path("data")) {
            String id = model.path("id").asText("");
            if (!id.isEmpty()) {
                models.add(new RemoteModel(id, model.path("max_model_len").asInt(0)));
            }
        }
        return models;
    }

    static ServerInfo of(URI root, List<RemoteModel> models, JsonNode props) {
        if (props == null) {
            return new ServerInfo(root, models, false, 0, 0);
        }
        return new ServerInfo(root, models, true, props.path("default_generation_settings").path("n_ctx").asInt(0),
                props.path("total_slots").asInt(0));
    }

    /**
     * Whether a request for {@code model} will be served. llama-server serves its one model whatever a request names;
     * Ollama takes a name without its {@code :latest} tag.
     */
    public boolean serves(String model) {
        return llamaServer || models.stream().anyMatch(listed -> listed.id().equals(model)
                || listed.id().equals(model + ":latest"));
    }

    /** The context a request for {@code model} gets: the slot's, else what the model list says, else 4096. */
    public int contextFor(String model) {
        if (contextPerSlot > 0) {
            return contextPerSlot;
        }
        return models.stream().filter(listed -> listed.id().equals(model) && listed.contextLength() > 0)
                .mapToInt(RemoteModel::contextLength).findFirst().orElse(DEFAULT_CONTEXT);
    }

    public List<String> modelIds() {
        return models.stream().map(RemoteModel::id).toList();
    }
}
