package dev.ponder.book.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefFilesTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            title: Graph Algorithms
            description: Shortest paths and spanning trees.
            outcomes:
              - Explain breadth-first search
            chapters: 4
            minutesPerChapter: 30
            """;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void loadsTheSampleBrief() throws Exception {
        CourseBrief brief = BriefFiles.load(Briefs.INTRO_TO_AI);
        assertThat(brief.title()).isEqualTo("Introduction to Artificial Intelligence");
        assertThat(brief.chapters()).isEqualTo(10);
        assertThat(brief.outcomes()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(brief.description()).contains("Bayesian networks").contains("ethics");
        assertThat(brief.conceptTarget()).isBetween(100, 200);
    }

    @Test
    void loadsTheTinyBrief() throws Exception {
        CourseBrief brief = BriefFiles.load(Briefs.tiny());
        assertThat(brief.chapters()).isEqualTo(3);
        assertThat(brief.conceptTarget()).isEqualTo(12);
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        CourseBrief brief = BriefFiles.load(file("min.yaml", VALID));
        assertThat(brief.level()).isEmpty();
        assertThat(brief.prerequisites()).isEmpty();
        assertThat(brief.conceptTarget()).isEqualTo(48);
    }

    @Test
    void anUnknownFieldIsNamedWithTheFileAndASuggestion() throws Exception {
        Path p = file("typo.yaml", VALID + "outcome: Design a maze solver\n");
        BriefFileException e = catchThrowableOfType(BriefFileException.class, () -> BriefFiles.load(p));
        assertThat(e.getMessage()).startsWith(p + ": unknown field 'outcome'; did you mean 'outcomes'?")
                .endsWith("(line 7, column 1)");
        assertThat(e.file()).isEqualTo(p);
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void snakeCaseIsRecognisedAsAMisspelling() throws Exception {
        Path p = file("snake.yaml", VALID + "minutes_per_chapter: 30\n");
        assertThatThrownBy(() -> BriefFiles.load(p))
                .hasMessageContaining("unknown field 'minutes_per_chapter'; did you mean 'minutesPerChapter'?");
    }

    @Test
    void missingRequiredFieldsAreAllNamed() throws Exception {
        Path p = file("missing.yaml", """
                title: Graph Algorithms
                chapters: 4
                """);
        assertThatThrownBy(() -> BriefFiles.load(p)).isInstanceOf(BriefFileException.class)
                .hasMessageStartingWith(p + ": missing required fields 'description', 'outcomes', "
                        + "'minutesPerChapter'");
        Path q = file("one-missing.yaml", VALID.replace("title: Graph Algorithms\n", ""));
        assertThatThrownBy(() -> BriefFiles.load(q)).hasMessageStartingWith(q + ": missing required field 'title'");
    }

    @Test
    void aYamlSyntaxErrorGivesLineAndColumn() throws Exception {
        Path p = file("broken.yaml", """
                title: Graph Algorithms
                description: "an unterminated string
                outcomes: [Explain BFS
                chapters: 4
                """);
        BriefFileException e = catchThrowableOfType(BriefFileException.class, () -> BriefFiles.load(p));
        assertThat(e.getMessage()).startsWith(p + ": YAML syntax error: ").containsPattern("line \\d+, column \\d+")
                .contains("quoted scalar that starts at line 2, column 14");
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
    }

    @Test
    void badIndentationIsASyntaxError() throws Exception {
        Path p = file("indent.yaml", """
                title: Graph Algorithms
                outcomes:
                  - Explain BFS
                 - Implement DFS
                chapters: 4
                """);
        BriefFileException e = catchThrowableOfType(BriefFileException.class, () -> BriefFiles.load(p));
        assertThat(e.getMessage()).startsWith(p + ": YAML syntax error: ");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() throws Exception {
        Path p = file("type.yaml", VALID.replace("chapters: 4", "chapters: four"));
        assertThatThrownBy(() -> BriefFiles.load(p))
                .hasMessage(p + ": field 'chapters' should be a whole number (line 5, column 11)");
        Path q = file("list.yaml", VALID.replace("outcomes:\n  - Explain breadth-first search",
                "outcomes:\n  - text: Explain breadth-first search"));
        assertThatThrownBy(() -> BriefFiles.load(q)).hasMessageStartingWith(q + ": field 'outcomes item 1' should be"
                + " a line of text");
        Path r = file("scalar.yaml", "just a line of text\n");
        assertThatThrownBy(() -> BriefFiles.load(r)).hasMessageStartingWith(r + ": a brief is a mapping of fields")
                .hasMessageContaining("not a single value");
    }

    @Test
    void anOutOfRangeValueNamesTheFileAndField() throws Exception {
        Path p = file("range.yaml", VALID.replace("chapters: 4", "chapters: 0"));
        assertThatThrownBy(() -> BriefFiles.load(p)).hasMessage(p + ": chapters must be between 1 and 50, was 0 (line 5, column 1)");
    }

    @Test
    void duplicateFieldsAndEmptyFilesAreErrors() throws Exception {
        Path p = file("dup.yaml", VALID + "chapters: 5\n");
        assertThatThrownBy(() -> BriefFiles.load(p)).hasMessageStartingWith(p + ": field 'chapters' is given twice")
                .hasMessageContaining("line 7");
        Path e = file("empty.yaml", "# nothing yet\n\n");
        assertThatThrownBy(() -> BriefFiles.load(e)).hasMessageStartingWith(e + ": the file is empty");
        Path none = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> BriefFiles.load(none)).hasMessage(none + ": no such file");
    }

    @Test
    void writeThenLoadGivesTheSameBrief() throws Exception {
        CourseBrief sample = BriefFiles.load(Briefs.INTRO_TO_AI);
        Path out = dir.resolve("sub/out.yaml");
        BriefFiles.write(out, sample);
        assertThat(BriefFiles.load(out)).isEqualTo(sample);

        CourseBrief tricky = new CourseBrief("AI: a \"modern\" #1 approach", "yes", "true", "line one\nline two\n"
                + "- not a list item: really " + Briefs.words(60), List.of("null", "10", "- dash", "two  spaces  "
                        + Briefs.words(30), " leading space and trailing " + Briefs.words(30) + " "),
                List.of("Explain 'quotes' & colons: here", "Design # not a comment"), 12, 50, "", 0);
        BriefFiles.write(out, tricky);
        CourseBrief back = BriefFiles.load(out);
        assertThat(back).isEqualTo(tricky);
        assertThat(back.conceptTarget()).isEqualTo(144);
        assertThat(Files.readString(out)).startsWith("# Course brief").contains("conceptTarget: 144");

        BriefFiles.write(out, sample);
        assertThat(Files.readString(out)).contains("description: >-\n").contains("outcomes:\n  - Define ");
    }
}
