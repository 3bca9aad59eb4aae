package dev.ponder.ui.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The transcript's HTML document. Its scripts and stylesheets are referenced by their classpath
 * URLs (jar: or file:), so KaTeX's stylesheet finds its fonts beside it and nothing is fetched
 * from the network.
 */
final class TranscriptPage {

    private TranscriptPage() {}

    static String html() {
        return read("transcript.html")
                .replace("{{katex.css}}", webJar("org.webjars.npm", "katex", "dist/katex.min.css"))
                .replace("{{katex.js}}", webJar("org.webjars.npm", "katex", "dist/katex.min.js"))
                .replace("{{katex.copy-tex.js}}", webJar("org.webjars.npm", "katex", "dist/contrib/copy-tex.min.js"))
                .replace("{{hljs.js}}", webJar("org.webjars", "highlightjs", "highlight.min.js"))
                .replace("{{hljs.light.css}}", webJar("org.webjars", "highlightjs", "styles/github.min.css"))
                .replace("{{hljs.dark.css}}", webJar("org.webjars", "highlightjs", "styles/github-dark.min.css"))
                .replace("{{transcript.css}}", resource("transcript.css").toExternalForm())
                .replace("{{transcript.js}}", resource("transcript.js").toExternalForm());
    }

    /** The version comes from the WebJar's own pom.properties: the POM stays the one place for it. */
    private static String webJar(String group, String artifact, String path) {
        Properties pom = new Properties();
        String pomPath = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = open(pomPath)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = "/META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + path;
        URL url = TranscriptPage.class.getResource(file);
        if (url == null) {
            throw new IllegalStateException("Missing web asset on the classpath: " + file);
        }
        return url.toExternalForm();
    }

    private static String read(String name) {
        try (InputStream in = resource(name).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        URL url = TranscriptPage.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Missing transcript resource: " + name);
        }
        return url;
    }

    private static InputStream open(String path) {
        InputStream in = TranscriptPage.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing web asset on the classpath: " + path);
        }
        return in;
    }
}
