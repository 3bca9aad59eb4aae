package dev.ponder.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    private static final URI SERVER = URI.create("http://gpu-server:8080");

    @TempDir
    Path dir;

    /**
     * A stand-in for libsecret's secret-tool that keeps secrets in files named after their attributes, and records its
     * arguments: enough to check how Ponder calls the real one, where the real one has no desktop session to talk to.
     */
    private Path fakeSecretTool(boolean works) throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Path script = dir.resolve("secret-tool");
        Files.writeString(script, """
                #!/bin/sh
                echo "$@" >> '%s/args'
                %s
                op=$1; shift
                [ "$op" = store ] && shift
                name=$(echo "$@" | tr -c 'a-zA-Z0-9' _)
                case $op in
                  store) cat > '%s'/"$name" ;;
                  lookup) [ -f '%s'/"$name" ] && cat '%s'/"$name" || exit 1 ;;
                  clear) rm -f '%s'/"$name" ;;
                esac
                """.formatted(vault, works ? "" : "echo 'Cannot autolaunch D-Bus without X11' >&2; exit 1", vault,
                vault, vault, vault));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aKeyGoesToTheKeychainOnStandardInputNeverAsAnArgument() throws Exception {
        ApiKeys keys = new ApiKeys(Optional.of(new SecretToolKeychain(fakeSecretTool(true))), new KeyFile(dir));

        assertThat(keys.store(SERVER, " sk-secret \n")).isEqualTo("in the desktop keychain");
        assertThat(keys.stored(SERVER)).contains("sk-secret");
        assertThat(Files.readString(dir.resolve("vault/args"))).doesNotContain("sk-secret")
                .contains("store --label=Ponder API key for http://gpu-server:8080 application ponder server "
                        + "http://gpu-server:8080");
        assertThat(dir.resolve(KeyFile.FILE_NAME)).doesNotExist();

        keys.remove(SERVER);
        assertThat(keys.stored(SERVER)).isEmpty();
    }

    @Test
    void withoutAWorkingKeychainTheKeyGoesToAFileOnlyTheUserCanRead() throws Exception {
        ApiKeys keys = new ApiKeys(Optional.of(new SecretToolKeychain(fakeSecretTool(false))), new KeyFile(dir));

        assertThat(keys.store(SERVER, "sk-secret")).contains(KeyFile.FILE_NAME).contains("readable only by you");
        Path file = dir.resolve(KeyFile.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(keys.stored(SERVER)).contains("sk-secret");
        assertThat(keys.stored(URI.create("http://other:8080"))).isEmpty();
    }

    @Test
    void aKeyFileOthersCouldReadIsMadePrivateAgain() throws Exception {
        ApiKeys keys = new ApiKeys(Optional.empty(), new KeyFile(dir));
        keys.store(SERVER, "sk-secret");
        Path file = dir.resolve(KeyFile.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(keys.stored(SERVER)).contains("sk-secret");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void removingAKeyRemovesItFromTheFileToo() throws Exception {
        ApiKeys keys = new ApiKeys(Optional.empty(), new KeyFile(dir));
        keys.store(SERVER, "sk-secret");
        keys.remove(SERVER);
        assertThat(keys.stored(SERVER)).isEmpty();
        assertThat(Files.readString(dir.resolve(KeyFile.FILE_NAME))).doesNotContain("sk-secret");
    }
}
