package dev.ponder.book.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes model-written Markdown safe for {@code mkdocs build --strict}. MkDocs 1.4 warns (and so fails a strict build)
 * for every Markdown link or image whose destination is relative, has a dot in its last path segment and does not name
 * a file of the docs folder. This class turns each such link into its plain text (an image into its alt text) and
 * drops such reference definitions (their uses then render as the bracketed text), and closes a fenced code block left
 * open at the end so that it cannot swallow what the writer puts after it. Links to existing files, to anchors, to
 * absolute paths and to other sites are kept; code (fenced, indented, inline) is left alone.
 */
final class LinkSanitizer {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Set<String> docFiles;

    /** @param docFiles every file of the docs folder after writing, relative with {@code /} separators */
    LinkSanitizer(Set<String> docFiles) {
        this.docFiles = Set.copyOf(docFiles);
    }

    /**
     * @param page  the page's path relative to the docs folder (links resolve against its folder)
     * @param notes receives one line per change
     */
    String sanitize(String markdown, String page, List<String> notes) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> lines = MarkdownLines.split(MarkdownLines.closeOpenFence(markdown));
        if (!MarkdownLines.split(markdown).equals(lines)) {
            if (lines.size() != MarkdownLines.split(markdown).size()) {
                notes.add(page + ": closed a code fence left open");
            }
        }
        MarkdownLines.Kind[] kinds = MarkdownLines.classify(lines);
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            switch (kinds[i]) {
                case FENCE, BLANK -> out.add(line);
                case LINK_DEF -> {
                    Matcher m = MarkdownLines.LINK_DEF.matcher(line);
                    if (m.matches() && m.group(2) != null && broken(unbracket(m.group(2)), page)) {
                        notes.add(page + ": removed reference definition to missing '" + m.group(2) + "'");
                        out.add("");
                    } else {
                        out.add(line);
                    }
                }
                default -> out.add(sanitizeLine(line, page, notes));
            }
        }
        return MarkdownLines.join(out);
    }

    String sanitizeLine(String line, String page, List<String> notes) {
        String current = line;
        for (int pass = 0; pass < 8; pass++) {
            String next = onePass(current, page, notes);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private String onePass(String line, String page, List<String> notes) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\') {
                out.append(line, i, Math.min(n, i + 2));
                i += 2;
                continue;
            }
            if (c == '`') {
                int run = MarkdownLines.runLength(line, i, '`');
                int j = MarkdownLines.findRun(line, i + run, '`', run);
                int end = j < 0 ? i + run : j + run;
                out.append(line, i, end);
                i = end;
                continue;
            }
            boolean image = c == '!' && i + 1 < n && line.charAt(i + 1) == '[';
            if (c == '[' || image) {
                int open = image ? i + 1 : i;
                int close = MarkdownLines.matching(line, open, '[', ']');
                if (close >= 0 && close + 1 < n && line.charAt(close + 1) == '(') {
                    int paren = MarkdownLines.matching(line, close + 1, '(', ')');
                    if (paren >= 0) {
                        String text = line.substring(open + 1, close);
                        String dest = destination(line.substring(close + 2, paren));
                        if (broken(dest, page)) {
                            notes.add(page + ": " + (image ? "image" : "link") + " to missing '" + dest
                                    + "' made plain text");
                            out.append(text);
                            i = paren + 1;
                            continue;
                        }
                    }
                }
                out.append(c);
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The destination part of {@code (dest "title")}. */
    private static String destination(String inside) {
        String s = inside.strip();
        if (s.startsWith("<")) {
            int j = s.indexOf('>');
            return j < 0 ? s.substring(1) : s.substring(1, j);
        }
        int space = 0;
        while (space < s.length() && !Character.isWhitespace(s.charAt(space))) {
            space++;
        }
        return s.substring(0, space);
    }

    private static String unbracket(String dest) {
        return dest.startsWith("<") && dest.endsWith(">") ? dest.substring(1, dest.length() - 1) : dest;
    }

    /** Whether MkDocs 1.4 would warn about this link destination on this page. */
    boolean broken(String url, String page) {
        if (url.isEmpty() || SCHEME.matcher(url).find() || url.startsWith("//") || url.startsWith("/")
                || url.startsWith("\\")) {
            return false;
        }
        String path = url;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty()) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".")) {
            return false;
        }
        String folder = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
        String target = normalize(folder + percentDecode(path));
        return target == null || !docFiles.contains(target);
    }

    /** Resolves {@code .} and {@code ..}; null when the path climbs out of the docs folder. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String percentDecode(String s) {
        if (!s.contains("%")) {
            return s;
        }
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
