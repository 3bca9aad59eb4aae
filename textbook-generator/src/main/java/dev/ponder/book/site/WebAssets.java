package dev.ponder.book.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts, styles and fonts a site needs, copied from the WebJars on the class path (so the site works offline:
 * no CDN) and from this package's resources. Versions come from each WebJar's {@code pom.properties}.
 */
final class WebAssets {

    static final String KATEX_JS = "assets/katex/katex.min.js";
    static final String KATEX_CSS = "assets/katex/katex.min.css";
    static final String MERMAID_JS = "assets/mermaid/mermaid.min.js";
    static final String VIS_JS = "assets/vis-network/vis-network.min.js";
    static final String VIS_CSS = "assets/vis-network/vis-network.min.css";
    static final String KATEX_INIT = "assets/ponder/katex-init.js";
    static final String MERMAID_INIT = "assets/ponder/mermaid-init.js";
    static final String GRAPH_JS = "assets/ponder/learning-graph.js";
    static final String PONDER_CSS = "assets/ponder/ponder.css";

    private static final Pattern CSS_URL = Pattern.compile("url\\((['\"]?)(fonts/[^'\")]+)\\1\\)");

    private WebAssets() {
    }

    /** Adds every asset to {@code out}, keyed by its path under the docs folder. */
    static void collect(Map<String, byte[]> out) {
        ClassLoader loader = WebAssets.class.getClassLoader();
        String katex = webjar(loader, "katex");
        out.put(KATEX_JS, load(loader, katex + "katex.min.js"));
        byte[] css = load(loader, katex + "katex.min.css");
        out.put(KATEX_CSS, css);
        Set<String> fonts = new LinkedHashSet<>();
        Matcher m = CSS_URL.matcher(new String(css, java.nio.charset.StandardCharsets.UTF_8));
        while (m.find()) {
            fonts.add(m.group(2));
        }
        for (String font : fonts) {
            out.put("assets/katex/" + font, load(loader, katex + font));
        }
        out.put(MERMAID_JS, load(loader, webjar(loader, "mermaid") + "mermaid.min.js"));
        String vis = webjar(loader, "vis-network");
        out.put(VIS_JS, load(loader, vis + "vis-network.min.js"));
        out.put(VIS_CSS, load(loader, vis + "dist/vis-network.min.css"));
        String own = "dev/ponder/book/site/";
        out.put(KATEX_INIT, load(loader, own + "katex-init.js"));
        out.put(MERMAID_INIT, load(loader, own + "mermaid-init.js"));
        out.put(GRAPH_JS, load(loader, own + "learning-graph.js"));
        out.put(PONDER_CSS, load(loader, own + "ponder.css"));
    }

    /** The {@code dist/} folder of an npm WebJar, with a trailing slash. */
    private static String webjar(ClassLoader loader, String artifact) {
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream(
                "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("WebJar org.webjars.npm:" + artifact + " is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/dist/";
    }

    private static byte[] load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
