package dev.ponder.book.site;

import dev.ponder.book.content.GlossaryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteWriterTest {

    @TempDir
    Path book;

    private String read(String path) throws IOException {
        return Files.readString(book.resolve(path));
    }

    @Test
    void writesEveryPageAndTheNav() throws IOException {
        SampleBook.writeGraphFiles(book);
        SiteResult result = new SiteWriter().write(book, SampleBook.book());

        assertThat(result.keptHandEdited()).isEmpty();
        assertThat(result.written()).contains("mkdocs.yml", "docs/index.md", "docs/learning-graph/index.md",
                "docs/chapters/01-frobnication-basics/index.md", "docs/chapters/01-frobnication-basics/exercises.md",
                "docs/chapters/01-frobnication-basics/quiz.md", "docs/chapters/02-advanced-zorbs-things/index.md",
                "docs/glossary.md", "docs/book-report.md", "docs/assets/katex/katex.min.js",
                "docs/assets/katex/katex.min.css", "docs/assets/mermaid/mermaid.min.js",
                "docs/assets/vis-network/vis-network.min.js", "docs/assets/ponder/katex-init.js",
                "docs/assets/ponder/mermaid-init.js", "docs/assets/ponder/learning-graph.js");
        assertThat(result.written()).anyMatch(p -> p.startsWith("docs/assets/katex/fonts/KaTeX_Main-Regular."));
        assertThat(result.written()).doesNotContain("docs/learning-graph/learning-graph.json");

        String yml = read("mkdocs.yml");
        assertThat(yml).contains("site_name: \"Frobnication: A \\\"Course\\\"\"")
                .contains("name: material", "scheme: slate", "toggle:", "font: false")
                .contains("format: !!python/name:pymdownx.superfences.fence_div_format")
                .contains("generic: true", "permalink: true", "- admonition", "- pymdownx.details",
                        "- tables", "- attr_list", "- md_in_html")
                .doesNotContain("http");
        assertThat(yml.substring(yml.indexOf("nav:"))).isEqualTo("""
                nav:
                  - Home: index.md
                  - Learning graph: learning-graph/index.md
                  - Chapters:
                      - "1. Frobnication Basics":
                          - Text: chapters/01-frobnication-basics/index.md
                          - Exercises: chapters/01-frobnication-basics/exercises.md
                          - Quiz: chapters/01-frobnication-basics/quiz.md
                      - "2. Advanced Zorbs & <Things>":
                          - Text: chapters/02-advanced-zorbs-things/index.md
                          - Exercises: chapters/02-advanced-zorbs-things/exercises.md
                          - Quiz: chapters/02-advanced-zorbs-things/quiz.md
                  - Glossary: glossary.md
                  - Book report: book-report.md
                """);

        String home = read("docs/index.md");
        assertThat(home).startsWith("# Frobnication: A \"Course\"\n")
                .contains("## Audience", "Second-year students.", "## Prerequisites", "- Basic algebra",
                        "## Learning outcomes", "- Apply the zorb rule",
                        "[Chapter 1: Frobnication Basics](chapters/01-frobnication-basics/index.md)",
                        "[Chapter 2: Advanced Zorbs &amp; &lt;Things&gt;](chapters/02-advanced-zorbs-things/index.md)");

        String chapter = read("docs/chapters/01-frobnication-basics/index.md");
        assertThat(chapter).startsWith("# Chapter 1: Frobnication Basics\n")
                .contains("!!! abstract \"Learning objectives\"", "- **Remember**: Define a zorb.",
                        "- **Apply**: Count zorbs with $2n$.")
                .doesNotContain("# Frobnication Basics\n")
                // Key terms: first occurrence linked, code and math left alone.
                .contains("A **[Flux Capacitor](../../glossary.md#flux-capacitor)** stores [zorbs](../../glossary.md#zorb).")
                .contains("The flux capacitor is not a `Flux Capacitor` in code.")
                .contains("with a [Zorb Field](../../glossary.md#zorb-field) nearby")
                .contains("# Zorb Field in code is never linked")
                .contains("return [zorb](missing.md)")
                // Broken links made text, good ones kept.
                .contains("See the missing page, another and\na missing figure but [an anchor](#worked-example)")
                .contains("[the web](https://example.org/page.md)")
                .doesNotContain("[gone]: ../../gone.md")
                .contains("```mermaid", "$$", "| 1    | $x_1$ |")
                .contains("[Exercises](exercises.md)", "Next: [Advanced Zorbs &amp; &lt;Things&gt;]"
                        + "(../02-advanced-zorbs-things/index.md)");
        assertThat(result.notes()).anyMatch(n -> n.contains("missing-page.md"));

        String chapter2 = read("docs/chapters/02-advanced-zorbs-things/index.md");
        assertThat(chapter2).contains("[Zorb fields](../../glossary.md#zorb-field) combine. A [zorb](../../glossary.md#zorb) field is")
                .contains("code with [x](y.md)\n```\n");

        String exercises = read("docs/chapters/01-frobnication-basics/exercises.md");
        assertThat(exercises).contains("""
                ### Exercise 1

                Compute the zorb count of $n$ capacitors.

                ??? success "Solution"
                    There are $2n$ zorbs.

                    ```text
                    # not a heading
                    ```

                ### Exercise 2
                """).contains("""
                ??? success "Solution"
                    A circle. See nowhere.
                """);
        assertThat(read("docs/chapters/02-advanced-zorbs-things/exercises.md")).contains("""
                1. Name a zorb.

                    ??? success "Solution"
                        Zed.

                2. Name two.

                    ??? success "Solution"
                        Zed and Zee.
                """);

        String quiz = read("docs/chapters/01-frobnication-basics/quiz.md");
        assertThat(quiz).contains("## Question 1 { #question-1 }", "- **A.** Zorbs", "- **C.** Bytes | bits",
                        "??? question \"Answer\"\n\n    **A.** Zorbs\n\n    It stores **zorbs**, see here.",
                        "    **B.** 4", "## Answer key", "| [1](#question-1) | A |", "| [2](#question-2) | B |")
                .doesNotContain("missing.md");

        String glossary = read("docs/glossary.md");
        assertThat(glossary).contains("### C++ { #c }", "### Flux Capacitor { #flux-capacitor }",
                "see nothing.");
        assertThat(glossary.indexOf("### C++")).isLessThan(glossary.indexOf("### Flux"));
        assertThat(glossary.indexOf("### Zorb { #zorb }")).isLessThan(glossary.indexOf("### Zorb Field"));

        String graph = read("docs/learning-graph/index.md");
        assertThat(graph).contains("<div id=\"graph\" data-src=\"learning-graph.json\"></div>",
                        "<script type=\"application/json\" id=\"graph-data\">{\"nodes\":",
                        "Flux Capacitor \\u003c/script\\u003e",
                        "<script src=\"../assets/vis-network/vis-network.min.js\"></script>",
                        "[learning-graph.json](learning-graph.json)", "[CSV](learning-graph.csv)",
                        "The graph has **3** concepts")
                .doesNotContain("</script>\",");

        assertThat(read("docs/book-report.md")).isEqualTo("# Book report\n\nAll checks passed. See the log.\n");
    }

    @Test
    void rerunKeepsHandEditsAndUnknownFilesAndRemovesStaleOnes() throws IOException {
        SampleBook.writeGraphFiles(book);
        SiteBook sample = SampleBook.book();
        new SiteWriter().write(book, sample);
        Files.writeString(book.resolve("docs/glossary.md"), "# My own glossary\n");
        Files.writeString(book.resolve("docs/notes.md"), "# Professor's notes\n");

        SiteResult second = new SiteWriter().write(book, sample);
        assertThat(second.written()).isEmpty();
        assertThat(second.keptHandEdited()).containsExactly("docs/glossary.md");
        assertThat(second.unchanged()).contains("docs/index.md", "docs/assets/mermaid/mermaid.min.js");
        assertThat(read("docs/glossary.md")).isEqualTo("# My own glossary\n");

        // Drop chapter 2 and change the glossary: stale pages go, the edit stays, the professor's file stays.
        SiteBook smaller = new SiteBook(sample.info(), List.of(sample.chapters().getFirst()),
                List.of(new GlossaryEntry("Zorb", "Changed.")), sample.graph(), sample.bookReport());
        SiteResult third = new SiteWriter().write(book, smaller);
        assertThat(third.removed()).containsExactlyInAnyOrder("docs/chapters/02-advanced-zorbs-things/index.md",
                "docs/chapters/02-advanced-zorbs-things/exercises.md",
                "docs/chapters/02-advanced-zorbs-things/quiz.md");
        assertThat(book.resolve("docs/chapters/02-advanced-zorbs-things")).doesNotExist();
        assertThat(third.written()).contains("mkdocs.yml", "docs/index.md");
        assertThat(read("docs/glossary.md")).isEqualTo("# My own glossary\n");
        assertThat(read("docs/notes.md")).isEqualTo("# Professor's notes\n");
        assertThat(read("mkdocs.yml")).doesNotContain("02-advanced");

        SiteResult forced = new SiteWriter(true).write(book, smaller);
        assertThat(forced.written()).containsExactly("docs/glossary.md");
        assertThat(read("docs/glossary.md")).contains("### Zorb { #zorb }", "Changed.");
    }

    @Test
    void anchorsAreSlugsAndDuplicatesAreToldApart() {
        assertThat(SiteWriter.glossaryAnchor("Big-O Notation")).isEqualTo("big-o-notation");
        assertThat(SiteWriter.glossaryAnchor("Café  Möbius")).isEqualTo("cafe-mobius");
        assertThat(SiteWriter.glossaryAnchor("∑")).isEqualTo("term");
        var ids = GlossaryPage.anchors(List.of(new GlossaryEntry("Glossary", "a"), new GlossaryEntry("C", "b"),
                new GlossaryEntry("C#", "c")));
        assertThat(ids.values()).containsExactly("c", "c-2", "glossary-2");
    }
}
