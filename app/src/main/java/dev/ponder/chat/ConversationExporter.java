package dev.ponder.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ponder.engine.Role;
import dev.ponder.store.AtomicWrite;
import dev.ponder.store.StoreException;

/**
 * A conversation's transcript (its {@linkplain ChatRepository#activePath active path}) as a Markdown document: the
 * title, then each turn under a bold heading, answers as the model wrote them, thinking folded away in a
 * {@code <details>} block.
 *
 * <p>Nothing a model writes may break the document: thinking goes in a code fence longer than any backtick run in
 * it, so no marker inside can end it early, and an answer cut off inside a code block gets its fence closed, which
 * would otherwise swallow every later turn.
 */
public final class ConversationExporter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(?:[ \\t]*\\R)+");
    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[\\\\`*_\\[\\]<>#|]");

    private final ChatRepository repository;
    private final ZoneId zone;

    /** Dates are written in {@code zone}, normally the user's. */
    public ConversationExporter(ChatRepository repository, ZoneId zone) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The Markdown of conversation {@code conversationId}. */
    public String markdown(long conversationId) {
        Conversation conversation = repository.findConversation(conversationId)
                .orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND,
                        "conversation " + conversationId + " no longer exists (it was deleted)"));
        return markdown(conversation, repository.activePath(conversationId));
    }

    /**
     * Writes the Markdown of conversation {@code conversationId} to {@code file}, replacing it atomically: a crash
     * or a full disk leaves the previous file whole, never a half-written one.
     */
    public void writeTo(long conversationId, Path file) {
        String text = markdown(conversationId);
        try {
            AtomicWrite.writeString(file, text);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot export the conversation to " + file + " ("
                    + e + "): check that the folder exists, is writable and has free space", e);
        }
    }

    private String markdown(Conversation conversation, List<Message> transcript) {
        List<String> blocks = new ArrayList<>();
        blocks.add("# " + inline(conversation.title()));
        for (Message message : transcript) {
            blocks.add(heading(message));
            if (!message.thinking().isEmpty()) {
                blocks.add(thinking(message));
            }
            if (!message.answer().isEmpty()) {
                // Blank lines go, indentation stays: four leading spaces make a code block.
                blocks.add(closeOpenFence(LEADING_BLANK_LINES.matcher(message.answer()).replaceFirst("")
                        .stripTrailing()));
            }
            statusNote(message).ifPresent(blocks::add);
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private String heading(Message message) {
        return switch (message.role()) {
            case USER -> "**You**";
            case SYSTEM -> "**System**";
            case ASSISTANT -> "**Assistant** (" + (message.model() == null ? "" : inline(message.model()) + ", ")
                    + DATE.format(message.createdAt().atZone(zone)) + ")";
        };
    }

    private static String thinking(Message message) {
        String text = message.thinking().strip();
        int longestRun = 0;
        Matcher run = BACKTICK_RUN.matcher(text);
        while (run.find()) {
            longestRun = Math.max(longestRun, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        return "<details><summary>" + thoughtSummary(message) + "</summary>\n\n"
                + fence + "text\n" + text + "\n" + fence + "\n\n</details>";
    }

    private static String thoughtSummary(Message message) {
        if (!message.thinkingClosed()) {
            return "Thinking (unfinished)";
        }
        if (message.thinkingMillis() == null) {
            return "Thoughts";
        }
        return "Thought for " + Math.max(1, Math.round(message.thinkingMillis() / 1000.0)) + " s";
    }

    private static Optional<String> statusNote(Message message) {
        if (message.role() != Role.ASSISTANT) {
            return Optional.empty();
        }
        return switch (message.status()) {
            case COMPLETE -> Optional.empty();
            case INCOMPLETE -> Optional.of("*Incomplete: the reply stopped before the end"
                    + (message.error() == null ? "" : " (" + inline(message.error()) + ")") + ".*");
            case ERROR -> Optional.of("*Failed: " + (message.error() == null ? "no reason given"
                    : inline(message.error())) + "*");
            case STREAMING -> Optional.of("*Still being written when exported.*");
        };
    }

    /** The answer, with a closing fence added when it ends inside a code block. */
    static String closeOpenFence(String answer) {
        String open = null;
        for (String line : answer.split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                continue;
            }
            String marker = fence.group(1);
            if (open == null) {
                // A backtick fence's info string cannot contain backticks; such a line is text, not a fence.
                if (marker.charAt(0) != '`' || !fence.group(2).contains("`")) {
                    open = marker;
                }
            } else if (marker.charAt(0) == open.charAt(0) && marker.length() >= open.length()
                    && fence.group(2).isBlank()) {
                open = null;
            }
        }
        return open == null ? answer : answer + "\n" + open;
    }

    /** One line of text safe to put in a heading or emphasis: line breaks joined, Markdown punctuation escaped. */
    private static String inline(String text) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return MARKDOWN_PUNCTUATION.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
