package dev.ponder.ui.book;

import java.nio.file.Path;

import dev.ponder.book.brief.CourseBrief;

/** What the "New textbook" dialog asks for: the brief, the model that writes it, and how. */
public record NewBook(CourseBrief brief, Path model, int parallel, boolean ignoreBriefScore) {
}
