package dev.ponder.reasoning;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streaming state machine from a reasoning model's token text to {@link ReasoningEvent}s, sent to a sink as soon as
 * they are known. Not thread-safe: feed it from the one thread that reads the token stream.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Where thinking starts.</b> If {@code primed} (the rendered prompt already ends with the open marker, see
 *       {@link ReasoningMarkers#primes}), the output starts inside thinking. Otherwise only an open marker at the very
 *       start of the output starts thinking; whitespace before it is dropped. Output that does not start with the
 *       open marker is all answer, passed through verbatim (leading whitespace included), and any marker later in it
 *       is plain text. The splitter never guesses: an unprimed stream without a leading open marker has no thinking.
 *   <li><b>Start of thinking.</b> Leading whitespace of the thinking text (R1's newline after {@code <think>}) is
 *       dropped. When primed, one duplicate open marker at the very start of thinking (the template opened the tag
 *       and the model repeated it) is swallowed. Whitespace-only thinking ({@code <think>\n\n</think>}) sends no
 *       {@link ReasoningEvent.ThinkingDelta} at all, only {@link ReasoningEvent.ThinkingFinished}.
 *   <li><b>End of thinking.</b> The first exact close marker ends thinking and sends
 *       {@link ReasoningEvent.ThinkingFinished}. Its duration runs from the first {@link #accept} call (the first
 *       token received; for an unprimed stream thinking can only begin there too) to the {@code accept} call that
 *       completed the close marker, both read from the injected clock. Trailing whitespace of the thinking text is
 *       kept (it has already been streamed by then).
 *   <li><b>Answer after thinking.</b> Its leading whitespace (R1 emits {@code "\n\n"} after {@code </think>}) is
 *       dropped; open or close markers in it are plain text.
 *   <li><b>Close never comes.</b> The message ends inside thinking: everything after the open marker is thinking,
 *       no {@code ThinkingFinished} is sent, {@link #thinkingClosed()} stays false and {@link #inThinking()} true.
 *   <li><b>Latency.</b> Only the shortest text that could still become the marker being waited for is held back
 *       (a trailing {@code "</th"} inside thinking, or leading whitespace plus a prefix of the open marker before the
 *       stream has decided); everything else is sent in the same {@code accept} call. At {@link #finish()} held-back
 *       text is plain text of the current section. Deltas are never empty.
 * </ul>
 */
public final class ReasoningSplitter {

    private enum State {
        /** Unprimed, nothing decided yet: holding leading whitespace and a possible open-marker prefix. */
        START,
        /** Just inside thinking: dropping leading whitespace, looking for an immediate close or duplicate open. */
        THINKING_LEAD,
        THINKING,
        /** Just after the close marker: dropping leading whitespace. */
        ANSWER_LEAD,
        ANSWER
    }

    /** Result of matching a marker against the text that is there so far. */
    private enum Match { FULL, PARTIAL, NONE }

    private final String open;
    private final String close;
    private final boolean primed;
    private final InstantSource clock;
    private final Consumer<? super ReasoningEvent> sink;

    /** Held-back text, not yet sent. Empty most of the time. */
    private final StringBuilder held = new StringBuilder();
    private State state;
    private boolean duplicateOpenChecked;
    private boolean sawThinking;
    private boolean thinkingClosed;
    private boolean finished;
    /** Whether thinking came through {@link #acceptThinking}, so that the answer's first text closes it. */
    private boolean thinkingSentApart;
    private Instant firstToken;

    /**
     * @param markers the model's thinking tags
     * @param primed  whether the rendered prompt already opened thinking, so output starts inside it
     * @param clock   read at the first {@link #accept} call and when the close marker completes
     * @param sink    receives the events, synchronously, from {@link #accept} and {@link #finish}
     */
    public ReasoningSplitter(ReasoningMarkers markers, boolean primed, InstantSource clock,
                             Consumer<? super ReasoningEvent> sink) {
        Objects.requireNonNull(markers, "markers");
        this.open = markers.open();
        this.close = markers.close();
        this.primed = primed;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.state = primed ? State.THINKING_LEAD : State.START;
        this.sawThinking = primed;
    }

    /** Same, timing thinking with the system clock. */
    public ReasoningSplitter(ReasoningMarkers markers, boolean primed, Consumer<? super ReasoningEvent> sink) {
        this(markers, primed, InstantSource.system(), sink);
    }

    /**
     * Feeds the text of the next token (any chunking works, empty strings included) and sends what it settles.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void accept(String tokenText) {
        Objects.requireNonNull(tokenText, "tokenText");
        arrived("accept");
        if (tokenText.isEmpty()) {
            return;
        }
        if (thinkingSentApart && inThinking()) {
            closeThinking(); // nothing is held: acceptThinking holds nothing back
        }
        if (held.isEmpty()) {
            if (state == State.ANSWER) { // the common case once the answer runs: no copy at all
                sink.accept(new ReasoningEvent.AnswerDelta(tokenText));
                return;
            }
            int used = run(tokenText, false);
            held.append(tokenText, used, tokenText.length());
        } else {
            held.append(tokenText);
            held.delete(0, run(held, false));
        }
    }

    /**
     * Feeds thinking text that arrived apart from the answer (see the class rules) and sends it at once.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void acceptThinking(String thinkingText) {
        Objects.requireNonNull(thinkingText, "thinkingText");
        arrived("acceptThinking");
        thinkingSentApart = true;
        if (state == State.START) {
            // Only leading whitespace or the start of an open marker can be held here: neither is answer.
            held.setLength(0);
            sawThinking = true;
            state = State.THINKING_LEAD;
        }
        int from = 0;
        if (state == State.THINKING_LEAD) {
            from = skipWhitespace(thinkingText, 0);
            if (from == thinkingText.length()) {
                return;
            }
            state = State.THINKING;
            duplicateOpenChecked = true;
        }
        if (state == State.THINKING && !held.isEmpty()) {
            sendThinking(held, 0, held.length()); // a partial close marker from accept() was thinking after all
            held.setLength(0);
        }
        sendThinking(thinkingText, from, thinkingText.length());
    }

    /** Notes the first text's time, which thinking is timed from. */
    private void arrived(String call) {
        if (finished) {
            throw new IllegalStateException(call + " after finish");
        }
        if (firstToken == null) {
            firstToken = clock.instant();
        }
    }

    /** Ends the stream: held-back text is sent as text of the current section. Calling it again does nothing. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        run(held, true);
        held.setLength(0);
    }

    /** True iff the close marker was seen (so {@link ReasoningEvent.ThinkingFinished} was sent). */
    public boolean thinkingClosed() {
        return thinkingClosed;
    }

    /** True iff the output had thinking: primed, or it began with the open marker (decided once that is known). */
    public boolean sawThinking() {
        return sawThinking;
    }

    /** True while inside thinking; after {@link #finish()}, true iff the message ended inside thinking. */
    public boolean inThinking() {
        return state == State.THINKING_LEAD || state == State.THINKING;
    }

    /**
     * Advances over {@code text} and returns how many of its leading chars were used up (sent or dropped); the rest
     * must be held back. With {@code eof}, everything is used up.
     */
    private int run(CharSequence text, boolean eof) {
        int len = text.length();
        int pos = 0;
        while (true) {
            switch (state) {
                case START -> {
                    int i = skipWhitespace(text, pos);
                    Match m = i == len ? Match.PARTIAL : match(text, i, open);
                    if (m == Match.FULL) {
                        pos = i + open.length();
                        sawThinking = true;
                        state = State.THINKING_LEAD;
                    } else if (m == Match.PARTIAL && !eof) {
                        return pos;
                    } else {
                        state = State.ANSWER; // verbatim, whitespace included
                    }
                }
                case THINKING_LEAD -> {
                    pos = skipWhitespace(text, pos);
                    if (pos == len) {
                        return pos;
                    }
                    Match c = match(text, pos, close);
                    if (c == Match.FULL) {
                        pos += close.length();
                        closeThinking();
                        continue;
                    }
                    Match o = primed && !duplicateOpenChecked ? match(text, pos, open) : Match.NONE;
                    if (o == Match.FULL) {
                        pos += open.length();
                        duplicateOpenChecked = true;
                        continue;
                    }
                    if ((c == Match.PARTIAL || o == Match.PARTIAL) && !eof) {
                        return pos;
                    }
                    duplicateOpenChecked = true;
                    state = State.THINKING;
                }
                case THINKING -> {
                    int at = indexOf(text, close, pos);
                    if (at >= 0) {
                        sendThinking(text, pos, at);
                        pos = at + close.length();
                        closeThinking();
                        continue;
                    }
                    int keep = eof ? 0 : heldPrefixLength(text, pos, close);
                    sendThinking(text, pos, len - keep);
                    return len - keep;
                }
                case ANSWER_LEAD -> {
                    pos = skipWhitespace(text, pos);
                    if (pos == len) {
                        return pos;
                    }
                    state = State.ANSWER;
                }
                case ANSWER -> {
                    if (pos < len) {
                        sink.accept(new ReasoningEvent.AnswerDelta(text.subSequence(pos, len).toString()));
                    }
                    return len;
                }
            }
        }
    }

    private void closeThinking() {
        thinkingClosed = true;
        state = State.ANSWER_LEAD;
        sink.accept(new ReasoningEvent.ThinkingFinished(Duration.between(firstToken, clock.instant())));
    }

    private void sendThinking(CharSequence text, int from, int to) {
        if (from < to) {
            sink.accept(new ReasoningEvent.ThinkingDelta(text.subSequence(from, to).toString()));
        }
    }

    private static int skipWhitespace(CharSequence text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** Whether {@code marker} starts at {@code pos} (FULL), the text ends with a proper prefix of it there, or not. */
    private static Match match(CharSequence text, int pos, String marker) {
        int n = Math.min(marker.length(), text.length() - pos);
        for (int k = 0; k < n; k++) {
            if (text.charAt(pos + k) != marker.charAt(k)) {
                return Match.NONE;
            }
        }
        return n == marker.length() ? Match.FULL : Match.PARTIAL;
    }

    private static int indexOf(CharSequence text, String marker, int from) {
        return text instanceof String s ? s.indexOf(marker, from) : ((StringBuilder) text).indexOf(marker, from);
    }

    /** Length of the longest suffix of {@code text[from..]} that is a proper prefix of {@code marker}. */
    private static int heldPrefixLength(CharSequence text, int from, String marker) {
        int len = text.length();
        for (int k = Math.min(marker.length() - 1, len - from); k > 0; k--) {
            if (match(text, len - k, marker) == Match.PARTIAL) {
                return k;
            }
        }
        return 0;
    }
}
