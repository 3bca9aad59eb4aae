package dev.ponder.book.site;

import dev.ponder.book.content.Chapter;
import dev.ponder.book.content.GlossaryEntry;

import java.util.List;
import java.util.Objects;

/** Everything {@link SiteWriter} puts into a site: chapters in order, the glossary, the graph page and the report. */
public record SiteBook(BookInfo info, List<Chapter> chapters, List<GlossaryEntry> glossary, GraphPage graph,
                       String bookReport) {

    public SiteBook {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(graph, "graph");
        chapters = List.copyOf(chapters);
        glossary = List.copyOf(glossary);
        bookReport = bookReport == null ? "" : bookReport;
        long distinct = chapters.stream().map(Chapter::slug).distinct().count();
        if (distinct != chapters.size()) {
            throw new IllegalArgumentException("two chapters have the same slug (number and title)");
        }
    }
}
