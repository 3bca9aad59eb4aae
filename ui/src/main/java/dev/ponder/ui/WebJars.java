package dev.ponder.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

/**
 * Classpath URLs (jar: or file:) of WebJar files, for pages that load scripts locally, never from the network. The
 * version comes from the WebJar's own pom.properties: the POM stays the one place for it.
 */
public final class WebJars {

    private WebJars() {
    }

    public static String url(String group, String artifact, String path) {
        Properties pom = new Properties();
        String pomPath = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebJars.class.getResourceAsStream(pomPath)) {
            if (in == null) {
                throw new IllegalStateException("Missing web asset on the classpath: " + pomPath);
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = "/META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + path;
        URL url = WebJars.class.getResource(file);
        if (url == null) {
            throw new IllegalStateException("Missing web asset on the classpath: " + file);
        }
        return url.toExternalForm();
    }
}
