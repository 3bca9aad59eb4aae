package dev.ponder.models.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.ponder.download.RemoteFile;
import dev.ponder.hardware.Hardware;
import dev.ponder.models.GgufFormatException;
import dev.ponder.models.GgufInfo;
import dev.ponder.models.fit.FitPlan;
import dev.ponder.models.fit.FitPlanner;
import dev.ponder.models.fit.ModelShape;

/**
 * The reasoning models Ponder offers to download: {@code r1-catalog.json}, shipped inside the app, with the source
 * of every size and checksum written beside it.
 */
public final class Catalog {

    private static final String RESOURCE = "r1-catalog.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record Document(String about, List<CatalogModel> models) {
    }

    private final List<CatalogModel> models;

    private Catalog(List<CatalogModel> models) {
        this.models = List.copyOf(models);
    }

    /** The catalog that comes with this version of Ponder. */
    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return new Catalog(JSON.readValue(in, Document.class).models());
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled " + RESOURCE + " cannot be read", e);
        }
    }

    public List<CatalogModel> models() {
        return models;
    }

    /** The catalogued file downloaded from {@code remote}'s repository and path, at any revision. */
    public Optional<CatalogFile> find(RemoteFile remote) {
        return models.stream().flatMap(m -> m.files().stream())
                .filter(f -> f.repo().equals(remote.repo()) && f.file().equals(remote.path()))
                .findFirst();
    }

    /**
     * Every file with its fit on {@code hardware} at {@code context} tokens, and whether it is in
     * {@code modelsFolder} already. A downloaded file is planned from its own header; the others from the catalog's
     * shape and size, or not at all when the size is unknown.
     */
    public List<CatalogEntry> entries(Hardware hardware, int context, Path modelsFolder) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (CatalogModel model : models) {
            for (CatalogFile file : model.files()) {
                Path local = modelsFolder.resolve(file.file());
                boolean downloaded = Files.isRegularFile(local);
                Optional<ModelShape> shape = downloaded ? header(local) : Optional.empty();
                if (shape.isEmpty() && file.bytes() != null) {
                    shape = Optional.of(model.shape().toModelShape(file.bytes()));
                }
                FitPlan plan = shape.map(s -> FitPlanner.plan(s, hardware, context)).orElse(null);
                entries.add(new CatalogEntry(model, file, downloaded ? local : null, plan));
            }
        }
        return entries;
    }

    private static Optional<ModelShape> header(Path file) {
        try {
            return Optional.of(ModelShape.of(GgufInfo.read(file)));
        } catch (GgufFormatException e) {
            return Optional.empty();
        }
    }
}
