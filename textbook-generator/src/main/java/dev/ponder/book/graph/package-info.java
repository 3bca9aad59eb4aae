/**
 * The learning graph of a book, in Dan McCreary's intelligent-textbook format: concepts with integer ids, Title Case
 * labels, the ids they depend on and a taxonomy category. Here it is generated in batches under a JSON schema
 * ({@link dev.ponder.book.graph.GraphSchema}, {@link dev.ponder.book.graph.GraphReplyParser}), checked
 * ({@link dev.ponder.book.graph.GraphChecks}), repaired where a mechanical fix exists
 * ({@link dev.ponder.book.graph.GraphRepair}), ordered ({@link dev.ponder.book.graph.GraphOrder}) and written as
 * {@code learning-graph.csv} and vis-network's {@code learning-graph.json}
 * ({@link dev.ponder.book.graph.LearningGraphFiles}).
 */
package dev.ponder.book.graph;
