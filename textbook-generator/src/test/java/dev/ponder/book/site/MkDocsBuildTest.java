package dev.ponder.book.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the real {@code mkdocs build --strict} on a written site (skipped, loudly, where mkdocs is not installed). */
class MkDocsBuildTest {

    @TempDir
    Path book;

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void strictBuildPassesAndUsesNoCdn() throws Exception {
        boolean present = onPath("mkdocs");
        if (!present) {
            System.err.println("""
                    *****************************************************************
                    * SKIPPED: mkdocs is not on PATH, so the strict MkDocs build of *
                    * the generated site was NOT checked. Install mkdocs and        *
                    * mkdocs-material (Debian: apt-get install mkdocs-material).    *
                    *****************************************************************""");
        }
        assumeTrue(present, "mkdocs is not on PATH: the strict build of the generated site was not checked");

        SampleBook.writeGraphFiles(book);
        new SiteWriter().write(book, SampleBook.book());

        Process process = new ProcessBuilder("mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site")
                .directory(book.toFile()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("mkdocs build --strict output:%n%s", log).isZero();
        assertThat(Pattern.compile("(?m)^\\s*WARNING").matcher(log).find()).as("warnings in:%n%s", log).isFalse();

        Path site = book.resolve("site");
        assertThat(site.resolve("index.html")).isRegularFile();
        assertThat(site.resolve("chapters/01-frobnication-basics/quiz.html")).isRegularFile();
        assertThat(site.resolve("learning-graph/learning-graph.json")).isRegularFile();
        assertThat(site.resolve("assets/katex/fonts/KaTeX_Main-Regular.woff2")).isRegularFile();

        Pattern cdnScript = Pattern.compile("<script[^>]*\\ssrc=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
        Pattern cdnStyle = Pattern.compile("<link[^>]*\\shref=\"(https?:)?//[^\"]*(fonts\\.googleapis|cdn|unpkg)",
                Pattern.CASE_INSENSITIVE);
        List<Path> html;
        try (Stream<Path> walk = Files.walk(site)) {
            html = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(html).isNotEmpty();
        for (Path page : html) {
            String content = Files.readString(page);
            assertThat(cdnScript.matcher(content).find()).as("CDN script in %s", page).isFalse();
            assertThat(cdnStyle.matcher(content).find()).as("CDN stylesheet in %s", page).isFalse();
        }

        String chapter = Files.readString(site.resolve("chapters/01-frobnication-basics/index.html"));
        assertThat(chapter).contains("<div class=\"mermaid\">graph TD")
                .contains("<span class=\"arithmatex\">\\(E = mc^2\\)</span>")
                .contains("<div class=\"arithmatex\">\\[")
                .contains("href=\"../../glossary.html#zorb-field\"")
                .contains("../../assets/katex/katex.min.js", "../../assets/mermaid/mermaid.min.js")
                .contains("<table>");
        String exercises = Files.readString(site.resolve("chapters/01-frobnication-basics/exercises.html"));
        assertThat(exercises).contains("<details class=\"success\">", "<summary>Solution</summary>");
        String exercises2 = Files.readString(site.resolve("chapters/02-advanced-zorbs-things/exercises.html"));
        assertThat(exercises2).contains("<details class=\"success\">");
        String quiz = Files.readString(site.resolve("chapters/01-frobnication-basics/quiz.html"));
        assertThat(quiz).contains("<details class=\"question\">", "<summary>Answer</summary>");
        String glossary = Files.readString(site.resolve("glossary.html"));
        assertThat(glossary).contains("id=\"zorb-field\"", "id=\"flux-capacitor\"");
    }
}
