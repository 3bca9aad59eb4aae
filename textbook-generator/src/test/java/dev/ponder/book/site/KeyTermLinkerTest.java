package dev.ponder.book.site;

import dev.ponder.book.content.GlossaryEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTermLinkerTest {

    private final KeyTermLinker linker = new KeyTermLinker(List.of(
            new GlossaryEntry("Binary Search", "x"), new GlossaryEntry("Binary Search Tree", "y"),
            new GlossaryEntry("Node", "z"), new GlossaryEntry("Hash", "h")), "../glossary.md");

    @Test
    void linksFirstOccurrenceOutsideProtectedPlaces() {
        String text = """
                # Binary Search

                ## A node heading

                See [binary search](elsewhere.md) and `node` and $node$ and \\(hash\\) and <span title="hash">x</span>.

                ```
                binary search tree node
                ```

                    indented code: hash

                !!! note "Node"
                    A Binary Search Tree has a node; another node; a binary search, hashes.

                | hash | node |
                |------|------|
                https://example.org/hash and {#hash}
                """;
        String linked = linker.link(text);
        assertThat(linked).contains("# Binary Search\n", "## A node heading\n",
                "See [binary search](elsewhere.md) and `node` and $node$ and \\(hash\\) and <span title=\"hash\">",
                "binary search tree node\n", "    indented code: hash\n", "!!! note \"Node\"\n",
                "    A [Binary Search Tree](../glossary.md#binary-search-tree) has a [node](../glossary.md#node); "
                        + "another node; a [binary search](../glossary.md#binary-search), "
                        + "[hashes](../glossary.md#hash).",
                "| hash | node |", "https://example.org/hash and {#hash}");
        assertThat(linker.link("no terms here")).isEqualTo("no terms here");
        assertThat(linker.link("a hashing node")).isEqualTo("a hashing [node](../glossary.md#node)");
    }
}
