/**
 * Step 1 of the textbook pipeline: the course brief (title, level, audience, description, prerequisites, outcomes,
 * length, tone), kept as YAML ({@link dev.ponder.book.brief.BriefFiles}) and scored for completeness before any
 * generation starts ({@link dev.ponder.book.brief.BriefScore}, after McCreary's course-description check: do not
 * proceed below 70).
 */
package dev.ponder.book.brief;
