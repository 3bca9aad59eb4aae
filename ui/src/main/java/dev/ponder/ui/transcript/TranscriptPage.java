package dev.ponder.ui.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import dev.ponder.ui.WebJars;

/**
 * The transcript's HTML document. Its scripts and stylesheets are referenced by their classpath
 * URLs (jar: or file:), so KaTeX's stylesheet finds its fonts beside it and nothing is fetched
 * from the network.
 */
final class TranscriptPage {

    private TranscriptPage() {}

    static String html() {
        return read("transcript.html")
                .replace("{{katex.css}}", WebJars.url("org.webjars.npm", "katex", "dist/katex.min.css"))
                .replace("{{katex.js}}", WebJars.url("org.webjars.npm", "katex", "dist/katex.min.js"))
                .replace("{{katex.copy-tex.js}}", WebJars.url("org.webjars.npm", "katex", "dist/contrib/copy-tex.min.js"))
                .replace("{{hljs.js}}", WebJars.url("org.webjars", "highlightjs", "highlight.min.js"))
                .replace("{{hljs.light.css}}", WebJars.url("org.webjars", "highlightjs", "styles/github.min.css"))
                .replace("{{hljs.dark.css}}", WebJars.url("org.webjars", "highlightjs", "styles/github-dark.min.css"))
                .replace("{{transcript.css}}", resource("transcript.css").toExternalForm())
                .replace("{{transcript.js}}", resource("transcript.js").toExternalForm());
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
}
