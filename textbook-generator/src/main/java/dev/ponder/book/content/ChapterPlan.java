package dev.ponder.book.content;

import java.util.List;

/**
 * What a chapter covers, before it is written.
 *
 * @param conceptIds the learning graph concepts it teaches, in topological order
 */
public record ChapterPlan(int number, String title, String summary, List<Integer> conceptIds,
                          List<Objective> objectives) {

    public ChapterPlan {
        conceptIds = List.copyOf(conceptIds);
        objectives = List.copyOf(objectives);
    }
}
