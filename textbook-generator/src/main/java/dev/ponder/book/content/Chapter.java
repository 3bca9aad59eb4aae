package dev.ponder.book.content;

/**
 * A written chapter: its plan, its text (Markdown: introduction, sections, worked examples, summary), its exercises
 * with solutions (Markdown), and its quiz.
 */
public record Chapter(ChapterPlan plan, String text, String exercises, Quiz quiz) {

    /** The chapter's folder and file stem in the site: {@code 01-search}. */
    public String slug() {
        String words = plan.title().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return String.format(java.util.Locale.ROOT, "%02d-%s", plan.number(), words.isEmpty() ? "chapter" : words);
    }
}
