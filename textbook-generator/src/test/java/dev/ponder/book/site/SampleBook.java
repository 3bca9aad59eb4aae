package dev.ponder.book.site;

import dev.ponder.book.content.BloomLevel;
import dev.ponder.book.content.Chapter;
import dev.ponder.book.content.ChapterPlan;
import dev.ponder.book.content.GlossaryEntry;
import dev.ponder.book.content.Objective;
import dev.ponder.book.content.Quiz;
import dev.ponder.book.content.QuizQuestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small nonsense-ish book exercising everything that can break a strict MkDocs build. */
final class SampleBook {

    static final String CHAPTER_1_TEXT = """
            # Frobnication Basics

            A **Flux Capacitor** stores zorbs. The flux capacitor is not a `Flux Capacitor` in code.
            See [the missing page](missing-page.md), [another](../nowhere/else.md#part) and
            ![a missing figure](figures/zorb.png) but [an anchor](#worked-example) and
            [the web](https://example.org/page.md) stay.

            ## Worked example

            Inline math $E = mc^2$ and \\(a^2 + b^2 = c^2\\) with a Zorb Field nearby.

            $$
            \\int_0^1 x^2 \\, dx = \\frac{1}{3}
            $$

            ```python
            # Zorb Field in code is never linked
            def frob(zorb):
                return [zorb](missing.md)
            ```

            ```mermaid
            graph TD
              A[Zorb] --> B[Flux Capacitor]
            ```

            | Zorb | Flux |
            |------|------|
            | 1    | $x_1$ |

            [ref link][gone]

            [gone]: ../../gone.md
            """;

    static final String CHAPTER_1_EXERCISES = """
            ### Exercise 1

            Compute the zorb count of $n$ capacitors.

            **Solution:** There are $2n$ zorbs.

            ```text
            # not a heading
            ```

            ### Exercise 2

            Draw a zorb.

            Solution:
            A circle. See [nowhere](nowhere.md).
            """;

    private SampleBook() {
    }

    static SiteBook book() {
        ChapterPlan plan1 = new ChapterPlan(1, "Frobnication Basics", "What zorbs are and how to count them.",
                List.of(1, 2), List.of(new Objective(BloomLevel.REMEMBER, "Define a zorb."),
                new Objective(BloomLevel.APPLY, "Count zorbs with $2n$.")));
        ChapterPlan plan2 = new ChapterPlan(2, "Advanced Zorbs & <Things>", "Beyond the basics.", List.of(3),
                List.of(new Objective(BloomLevel.ANALYZE, "Compare zorb fields.")));
        Quiz quiz1 = new Quiz(List.of(
                new QuizQuestion("What does a flux capacitor store?", List.of("Zorbs", "Time", "Bytes | bits"), 0,
                        "It stores **zorbs**, see [here](missing.md)."),
                new QuizQuestion("Which is $2n$ for $n=2$?", List.of("2", "4"), 1, "Because $2 \\cdot 2 = 4$.")));
        Quiz quiz2 = new Quiz(List.of(
                new QuizQuestion("Is a zorb field *advanced*?", List.of("Yes", "No"), 0, "")));
        Chapter c1 = new Chapter(plan1, CHAPTER_1_TEXT, CHAPTER_1_EXERCISES, quiz1);
        Chapter c2 = new Chapter(plan2, "Zorb fields combine. A zorb field is a ZORB FIELD.\n\n"
                + "Unclosed fence follows:\n\n```\ncode with [x](y.md)\n", "1. Name a zorb.\n\n"
                + "   **Solution:** Zed.\n\n2. Name two.\n\n   Answer: Zed and Zee.\n", quiz2);
        List<GlossaryEntry> glossary = List.of(
                new GlossaryEntry("Zorb Field", "A region in which zorbs move freely."),
                new GlossaryEntry("Flux Capacitor", "A device that stores zorbs; see [nothing](nothing.md)."),
                new GlossaryEntry("Zorb", "The unit of frobnication."),
                new GlossaryEntry("C++", "A language."));
        BookInfo info = new BookInfo("Frobnication: A \"Course\"", "A course on *frobnication*.",
                "Second-year students.", List.of("Basic algebra"), List.of("Explain frobnication",
                "Apply the zorb rule"));
        return new SiteBook(info, List.of(c1, c2), glossary,
                new GraphPage("learning-graph.json", "The graph has **3** concepts; no cycles. [CSV](learning-graph.csv)"),
                "# Book report\n\nAll checks passed. See [the log](job.log).\n");
    }

    /** Writes the graph files the job would write before calling the site writer. */
    static void writeGraphFiles(Path bookDir) throws IOException {
        Path dir = Files.createDirectories(bookDir.resolve("docs/learning-graph"));
        Files.writeString(dir.resolve("learning-graph.json"), """
                {"nodes":[{"id":1,"label":"Zorb","group":"FOUND"},{"id":2,"label":"Flux Capacitor </script>",\
                "group":"CORE"},{"id":3,"label":"Zorb Field","group":"CORE"}],\
                "edges":[{"from":2,"to":1},{"from":3,"to":1}]}
                """);
        Files.writeString(dir.resolve("learning-graph.csv"),
                "ConceptID,ConceptLabel,Dependencies,TaxonomyID\n1,Zorb,,FOUND\n2,Flux Capacitor,1,CORE\n3,Zorb Field,1,CORE\n");
    }
}
