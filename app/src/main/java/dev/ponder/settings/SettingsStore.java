package dev.ponder.settings;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ponder.store.AtomicWrite;
import dev.ponder.store.StoreException;
import dev.ponder.store.UserFolder;

/**
 * Keeps {@link Settings} as {@value #FILE_NAME} in a folder (normally {@link ConfigDirectory}).
 *
 * <p>Compatible both ways: a field missing from the file (written by an older Ponder, or by hand) gets its default,
 * and fields this version does not know are ignored on load and written back unchanged on save, so a newer Ponder's
 * settings survive a run of an older one.
 *
 * <p>A settings file that cannot be read never stops Ponder from starting: the defaults are used, the file is kept
 * beside as {@code settings.json.broken-<time>} for the user to repair, and {@link #loadWarning()} says so.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private final Path folder;
    private final Path file;
    private final Clock clock;
    private ObjectNode lastFileContent; // guarded by this: what was last read or written, unknown fields included
    private String loadWarning; // guarded by this

    public SettingsStore(Path folder) {
        this(folder, Clock.systemUTC());
    }

    /** With a chosen clock, which names the copy of a broken file. */
    public SettingsStore(Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.file = this.folder.resolve(FILE_NAME);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastFileContent = JSON.createObjectNode();
    }

    public Path file() {
        return file;
    }

    /** The settings in the file, {@link Settings#defaults()} when there is none or it cannot be read. */
    public synchronized Settings load() {
        loadWarning = null;
        lastFileContent = JSON.createObjectNode();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            loadWarning = "Your settings in " + file + " could not be read (" + e + "), so Ponder started with the"
                    + " default settings. Check the file's permissions.";
            return Settings.defaults();
        }
        try {
            JsonNode content = JSON.readTree(bytes);
            if (!(content instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the file holds no settings");
            }
            ObjectNode merged = JSON.valueToTree(Settings.defaults());
            overlay(merged, object);
            Settings settings = JSON.treeToValue(merged, Settings.class);
            lastFileContent = object;
            return settings;
        } catch (IOException | IllegalArgumentException e) {
            loadWarning = "Your settings in " + file + " could not be read (" + reason(e) + "), so Ponder started"
                    + " with the default settings. " + keepBrokenFile();
            return Settings.defaults();
        }
    }

    /** Why the last {@link #load()} fell back to the defaults, worded for the user; empty when it did not. */
    public synchronized Optional<String> loadWarning() {
        return Optional.ofNullable(loadWarning);
    }

    /**
     * Writes {@code settings}, atomically: a crash or a full disk leaves the previous file whole. Creates the folder
     * (owner-only) if needed.
     *
     * @throws StoreException when the file cannot be written, worded for the user
     */
    public synchronized void save(Settings settings) {
        ObjectNode content = lastFileContent.deepCopy();
        content.setAll((ObjectNode) JSON.valueToTree(settings));
        try {
            UserFolder.createOwnerOnly(folder);
            AtomicWrite.writeString(file, JSON.writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new StoreException(e instanceof AccessDeniedException ? StoreException.Kind.READ_ONLY
                    : StoreException.Kind.OTHER, "cannot save your settings to " + file + " (" + e + "): check"
                    + " that the folder " + folder + " is writable and has free space; until then your changes"
                    + " last only until Ponder closes", e);
        }
        lastFileContent = content;
    }

    /** Puts every non-null value of {@code file} over {@code defaults}, field by field inside nested objects. */
    private static void overlay(ObjectNode defaults, ObjectNode file) {
        for (Map.Entry<String, JsonNode> field : file.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (defaults.get(field.getKey()) instanceof ObjectNode nested && value instanceof ObjectNode given) {
                overlay(nested, given);
            } else {
                defaults.set(field.getKey(), value);
            }
        }
    }

    /** Moves the unreadable file aside, so that saving the defaults cannot destroy what the user may want back. */
    private String keepBrokenFile() {
        Path kept = file.resolveSibling(FILE_NAME + ".broken-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, kept);
            return "The old file was kept as " + kept + ".";
        } catch (IOException e) {
            return "Keeping the old file as " + kept + " failed too (" + e + "), so saving settings will replace it:"
                    + " copy it elsewhere first if you want to repair it.";
        }
    }

    /** The value's own complaint, or what JSON parsing tripped on and where, without Jackson's source excerpts. */
    private static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                return cause.getMessage();
            }
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "the value of " + field + " is not valid: " + firstLine(mapping.getOriginalMessage());
        }
        if (e instanceof JsonProcessingException json) {
            JsonLocation where = json.getLocation();
            return firstLine(json.getOriginalMessage()) + (where == null || where.getLineNr() < 1 ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
        }
        return e.toString();
    }

    private static String firstLine(String text) {
        return text == null ? "invalid JSON" : text.lines().findFirst().orElse("invalid JSON");
    }
}
