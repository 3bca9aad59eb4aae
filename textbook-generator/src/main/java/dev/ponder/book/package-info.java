/**
 * The textbook generator: a course brief becomes a learning graph, a chapter plan, chapters with worked examples,
 * exercises and quizzes, a glossary, and a checked MkDocs site, as one resumable job on the local model.
 */
package dev.ponder.book;
