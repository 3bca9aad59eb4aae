package dev.ponder.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamingMarkdownTest {

    /** Every kind of block a model writes, with the lazy lines, blank lines in code and math that join or split them. */
    private static final String ANSWER = """
            ## Heading one

            Some **bold** text with `code` and math $a_i^2 + b_i^2$ here.
            A second line of the paragraph.

            - item one
            - item two with $x$
              continued

            1. first
            2. second

               nested paragraph in item

            > a quote
            continued lazily

            ```java
            int x = 42;

            // a blank line inside
            ```

            | a | b |
            |---|---|
            | 1 | $y$ |

            $$
            \\sum_i x_i
            $$

            Title
            =====

            Sub
            ---

            ***

                indented code

                still code

            Text with \\(inline\\) and \\[display\\] math.

            - [ ] task
            - [x] done

            A [link](https://example.com), an ![image](https://example.com/a.png) and a price of $5.
            """;

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void eachRenderingWhileTheAnswerGrowsIsWhatRenderingItWholeGives() {
        StreamingMarkdown streaming = new StreamingMarkdown(renderer);

        for (int length = 1; length <= ANSWER.length(); length++) {
            String sofar = ANSWER.substring(0, length);
            assertThat(streaming.render(sofar).blocks()).as("after %d characters: %s", length, sofar)
                    .isEqualTo(renderer.renderBlocks(sofar).blocks());
        }
    }

    @Test
    void textThatDoesNotContinueTheLastIsRenderedWhole() {
        StreamingMarkdown streaming = new StreamingMarkdown(renderer);
        streaming.render("First paragraph.\n\nSecond paragraph.\n\nThird");

        assertThat(streaming.render("Other text.\n\nMore").blocks())
                .isEqualTo(renderer.renderBlocks("Other text.\n\nMore").blocks());
    }
}
