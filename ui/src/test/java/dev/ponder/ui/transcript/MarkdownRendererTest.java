package dev.ponder.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersHeadingsListsEmphasisAndStrikethrough() {
        String html = renderer.render("## Plan\n\n- **one**\n- ~~two~~\n\n1. first");

        assertThat(html).contains("<h2>Plan</h2>", "<li><strong>one</strong></li>",
                "<del>two</del>", "<ol>");
    }

    @Test
    void rendersGitHubTables() {
        String html = renderer.render("| a | b |\n|---|--:|\n| 1 | 2 |");

        assertThat(html).contains("<table>", "<th>a</th>", "<td>1</td>", "<td align=\"right\">2</td>");
    }

    @Test
    void rendersTaskListsAsDisabledCheckboxes() {
        String html = renderer.render("- [x] done\n- [ ] todo");

        assertThat(html).contains("task-list-item", "checked", "disabled");
    }

    @Test
    void givesFencedCodeItsLanguageClassForHighlightJs() {
        String html = renderer.render("```python\nprint(1 < 2)\n```");

        assertThat(html).contains("<pre><code class=\"language-python\">print(1 &lt; 2)\n</code></pre>");
    }

    @Test
    void rendersAnOpenFenceWhileItStreams() {
        String html = renderer.render("Here:\n\n```java\nint x = 1;");

        assertThat(html).contains("<code class=\"language-java\">int x = 1;");
    }

    @Test
    void protectsInlineMathFromEmphasis() {
        String html = renderer.render("Let $a_1 * b_2 * c_3$ be *small*.");

        assertThat(html).contains("<span class=\"math-inline\">a_1 * b_2 * c_3</span>", "<em>small</em>");
    }

    @Test
    void protectsDisplayMathAsABlock() {
        String html = renderer.render("Sum:\n\n$$\n\\sum_{i=1}^n x_i^2 < \\infty\n$$\n\nDone.");

        assertThat(html).contains("<div class=\"math-display\">\\sum_{i=1}^n x_i^2 &lt; \\infty</div>")
                .doesNotContain("<p><div");
    }

    @Test
    void acceptsBackslashDelimiters() {
        String html = renderer.render("Inline \\(x_1\\) and\n\\[\ny_2 = x_1\n\\]\nafter");

        assertThat(html).contains("<span class=\"math-inline\">x_1</span>",
                "<span class=\"math-display\">y_2 = x_1</span>").doesNotContain("<br />\n<span class=\"math-display");
    }

    @Test
    void keepsDisplayMathOnOneLineOfText() {
        String html = renderer.render("so $$E = mc^2$$ holds");

        assertThat(html).contains("<span class=\"math-display\">E = mc^2</span>");
    }

    @Test
    void leavesPricesAsText() {
        assertThat(renderer.render("It costs $5.")).isEqualTo("<p>It costs $5.</p>\n");
        assertThat(renderer.render("From $5 to $10 a month")).doesNotContain("math");
        assertThat(renderer.render("Escaped \\$x\\$ stays")).contains("$x$").doesNotContain("math");
    }

    @Test
    void leavesMathInCodeSpansAndBlocksAlone() {
        String html = renderer.render("Use `$x_1$` or\n\n```\n$y_2$\n```\n\n    $z_3$\n");

        assertThat(html).doesNotContain("math-")
                .contains("<code>$x_1$</code>", "$y_2$\n</code>", "$z_3$\n</code>");
    }

    @Test
    void aBacktickLeftOpenInOneParagraphLeavesTheNextOnesMathAlone() {
        String html = renderer.render("A stray `backtick here.\n\nThen $a_1$ and `code`.");

        assertThat(html).contains("<span class=\"math-inline\">a_1</span>", "<code>code</code>");
    }

    @Test
    void showsAnUnclosedDisplayMathAsPendingSource() {
        String html = renderer.render("Then\n\n$$\n\\frac{a_1}{");

        assertThat(html).contains("<div class=\"math-pending\">$$\n\\frac{a_1}{</div>");
    }

    @Test
    void escapesRawHtmlInsteadOfRunningIt() {
        String html = renderer.render("<script>window.pwned = true</script>\n\nHi <b onmouseover=\"x()\">there</b>");

        assertThat(html).doesNotContain("<script", "<b ")
                .contains("&lt;script&gt;", "&lt;b onmouseover=");
    }

    @Test
    void neutralisesScriptLinks() {
        String html = renderer.render("[click](javascript:alert(1)) [caps](JavaScript:alert(1)) "
                + "[ref][r] <javascript:alert(1)>\n\n[r]: javascript:alert(2)");

        assertThat(html).doesNotContainIgnoringCase("href=\"javascript").contains("click", "caps");
    }

    @Test
    void keepsWebLinksAndAutolinks() {
        String html = renderer.render("[docs](https://example.com/a?b=1&c=2) and www.example.org and https://x.org");

        assertThat(html).contains("<a href=\"https://example.com/a?b=1&amp;c=2\">docs</a>",
                "href=\"http://www.example.org\"", "href=\"https://x.org\"");
    }

    @Test
    void turnsImagesIntoLinksSoNothingIsFetched() {
        String html = renderer.render("![a cat](https://example.com/cat.png) ![x](javascript:alert(1))");

        assertThat(html).doesNotContain("<img")
                .contains("<a href=\"https://example.com/cat.png\" class=\"image-link\">a cat</a>")
                .doesNotContain("javascript");
    }

    @Test
    void marksTopLevelBlocksSoTheViewCanKeepThoseThatDidNotChange() {
        String html = renderer.render("one\n\n- a\n- b\n\ntwo");

        assertThat(html.split("<!--block-->")).hasSize(3);
        assertThat(html).startsWith("<p>one</p>\n<!--block-->\n<ul>");
    }

    @Test
    void protectsTablePipesInsideMath() {
        String html = renderer.render("| v | norm |\n|---|---|\n| x | $|x|_2$ |");

        assertThat(html).contains("<td><span class=\"math-inline\">|x|_2</span></td>");
    }
}
