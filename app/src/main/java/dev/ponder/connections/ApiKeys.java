package dev.ponder.connections;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys of remote servers, one a server: in the OS keychain where Ponder can reach one (on Linux through
 * {@code secret-tool}), otherwise in a file only the user can read. Never in the database, the settings or a log.
 */
public final class ApiKeys {

    /** The environment variable whose key, when set, is used for any server instead of a stored one. */
    public static final String ENVIRONMENT_VARIABLE = "PONDER_API_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private final Optional<SecretToolKeychain> keychain;
    private final KeyFile file;

    ApiKeys(Optional<SecretToolKeychain> keychain, KeyFile file) {
        this.keychain = keychain;
        this.file = file;
    }

    /** The keys of this machine: its keychain if {@code secret-tool} is installed, and a file in {@code folder}. */
    public static ApiKeys forThisMachine(Path folder) {
        return new ApiKeys(SecretToolKeychain.onPath(), new KeyFile(folder));
    }

    /** The key for {@code server}: {@value #ENVIRONMENT_VARIABLE} if set, else the stored one, else none. */
    public Optional<String> forServer(URI server) throws IOException {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        return stored(server);
    }

    /** The key stored for {@code server}, from the keychain or the file. */
    public Optional<String> stored(URI server) throws IOException {
        if (keychain.isPresent()) {
            try {
                Optional<String> key = keychain.get().lookup(server);
                if (key.isPresent()) {
                    return key;
                }
            } catch (IOException e) {
                LOG.info("the keychain could not be read ({}); looking in {}", e.getMessage(), file.file());
            }
        }
        return file.get(server);
    }

    /**
     * Stores the key for {@code server}, in the keychain when it takes it, else in the file.
     *
     * @return where it went, in words for the user
     */
    public String store(URI server, String key) throws IOException {
        String clean = key == null ? "" : key.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (keychain.isPresent()) {
            try {
                keychain.get().store(server, clean);
                file.remove(server); // no second, older copy
                return "in the desktop keychain";
            } catch (IOException e) {
                LOG.info("the keychain refused the key ({}); keeping it in {}", e.getMessage(), file.file());
            }
        }
        file.put(server, clean);
        return "in " + file.file() + " (readable only by you)";
    }

    /** Forgets the key for {@code server}, wherever it was. */
    public void remove(URI server) throws IOException {
        file.remove(server);
        if (keychain.isPresent()) {
            keychain.get().clear(server);
        }
    }
}
