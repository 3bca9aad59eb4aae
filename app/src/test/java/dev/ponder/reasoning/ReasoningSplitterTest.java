package dev.ponder.reasoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ponder.reasoning.ReasoningEvent.AnswerDelta;
import dev.ponder.reasoning.ReasoningEvent.ThinkingDelta;
import dev.ponder.reasoning.ReasoningEvent.ThinkingFinished;

class ReasoningSplitterTest {

    private static final ReasoningMarkers R1 = ReasoningMarkers.DEFAULT;
    private static final ReasoningMarkers HARMONY = new ReasoningMarkers("<|channel|>analysis<|message|>", "<|end|>");
    private static final ReasoningMarkers BRACKETS = new ReasoningMarkers("[THINK]", "[/THINK]");
    private static final ReasoningMarkers CJK = new ReasoningMarkers("«思考»", "«/思考»");
    private static final ReasoningMarkers EMOJI = new ReasoningMarkers("🤔", "💡");

    /** One table row: a token stream and what it must split into. {@code closed} is {@link ReasoningResult}'s. */
    record Case(List<String> tokens, boolean primed, ReasoningMarkers markers,
                String thinking, String answer, boolean closed) {
    }

    private static Arguments row(String name, ReasoningMarkers markers, boolean primed, List<String> tokens,
                                 String thinking, String answer, boolean closed) {
        return Arguments.of(Named.of(name, new Case(tokens, primed, markers, thinking, answer, closed)));
    }

    private static Arguments row(String name, boolean primed, List<String> tokens,
                                 String thinking, String answer, boolean closed) {
        return row(name, R1, primed, tokens, thinking, answer, closed);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // no thinking
                row("no tags at all: all answer", false, List.of("Hello", " world", "!"),
                        "", "Hello world!", true),
                row("empty stream", false, List.of(),
                        "", "", true),
                row("leading whitespace without tags is kept verbatim", false, List.of("\n", "Hello"),
                        "", "\nHello", true),
                row("stream of only whitespace, unprimed: whitespace answer", false, List.of(" ", "\n", "\t"),
                        "", " \n\t", true),
                row("<think> mid-answer for a non-thinking model is text", false,
                        List.of("Tags like ", "<think>", " are", " fine"),
                        "", "Tags like <think> are fine", true),
                row("</think> in answer of a non-thinking model is text", false, List.of("Done", "</think>", "x"),
                        "", "Done</think>x", true),
                row("<thinking> at start is not the open marker", false, List.of("<thinking>", "x"),
                        "", "<thinking>x", true),
                row("open marker is case-sensitive", false, List.of("<THINK>x</THINK>"),
                        "", "<THINK>x</THINK>", true),
                row("'<' at start that turns out to be other markup", false, List.of("<", "b>bold</b>"),
                        "", "<b>bold</b>", true),
                row("partial open marker at end of stream is answer text", false, List.of("<thi"),
                        "", "<thi", true),

                // ordinary thinking
                row("R1 shape: open, newline, thoughts, close, blank lines, answer", false,
                        List.of("<think>", "\n", "Let me", " think", ".\n", "</think>", "\n\n", "The answer", " is 4."),
                        "Let me think.\n", "The answer is 4.", true),
                row("tags glued to text in one token", false, List.of("<think>Hmm</think>Answer"),
                        "Hmm", "Answer", true),
                row("everything in one token, later close marker is answer text", false,
                        List.of("<think>hmm</think>\n\nAnswer </think> more"),
                        "hmm", "Answer </think> more", true),
                row("open marker split <th + ink>", false, List.of("<th", "ink>", "x", "</think>", "y"),
                        "x", "y", true),
                row("close marker split </th + ink>", false, List.of("<think>", "x", "</th", "ink>", "y"),
                        "x", "y", true),
                row("close marker split </ + think + >", false, List.of("<think>", "x", "</", "think", ">", "y"),
                        "x", "y", true),
                row("leading whitespace before <think> is dropped", false,
                        List.of("\n", "  ", "<think>", "a", "</think>", "b"),
                        "a", "b", true),
                row("empty thinking <think>\\n\\n</think>\\n\\nHi", false,
                        List.of("<think>", "\n\n", "</think>", "\n\n", "Hi"),
                        "", "Hi", true),
                row("whitespace-only answer after close", false, List.of("<think>", "a", "</think>", "\n\n"),
                        "a", "", true),
                row("</think> again in the answer is text", false,
                        List.of("<think>", "a", "</think>", "b ", "</think>", " c"),
                        "a", "b </think> c", true),
                row("<think> again in the answer is text", false,
                        List.of("<think>", "a", "</think>", "use ", "<think>", " tags"),
                        "a", "use <think> tags", true),
                row("</thinking> inside thinking is text (exact match only)", false,
                        List.of("<think>", "see </thinking>", " here", "</think>", "ok"),
                        "see </thinking> here", "ok", true),
                row("close-marker lookalike inside thinking", false,
                        List.of("<think>", "a </b", "> c", "</think>", "d"),
                        "a </b> c", "d", true),
                row("overlapping '<' and '</' just before the real close", false,
                        List.of("<think>", "a<", "/", "</think>b"),
                        "a</", "b", true),
                row("unprimed <think><think>: second one is thinking text", false,
                        List.of("<think>", "<think>", "x", "</think>", "y"),
                        "<think>x", "y", true),
                row("empty token strings everywhere", false,
                        List.of("", "<think>", "", "a", "", "</think>", "", "b", ""),
                        "a", "b", true),
                row("multibyte and emoji text", false,
                        List.of("<think>", "日本語 🤔", "</think>", "答え 🎉"),
                        "日本語 🤔", "答え 🎉", true),

                // close never comes
                row("opened, close never comes: ends in thinking", false, List.of("<think>", "hmm", " still"),
                        "hmm still", "", false),
                row("partial close marker at end of stream stays thinking text", false,
                        List.of("<think>", "abc", "</thi"),
                        "abc</thi", "", false),
                row("only the open marker", false, List.of("<think>", "\n"),
                        "", "", false),

                // primed by the template
                row("primed, no open tag in the output", true,
                        List.of("Okay", ", so", "\n", "</think>", "\n\n", "Hi"),
                        "Okay, so\n", "Hi", true),
                row("primed, close never comes", true, List.of("Okay", " I think", " more"),
                        "Okay I think more", "", false),
                row("primed, empty stream", true, List.of(),
                        "", "", false),
                row("primed, stream of only whitespace", true, List.of("\n", "  "),
                        "", "", false),
                row("primed, empty thinking", true, List.of("\n\n", "</think>", "\n\n", "Hi"),
                        "", "Hi", true),
                row("primed, duplicate open marker swallowed", true, List.of("<think>", "\n", "hmm", "</think>", "ok"),
                        "hmm", "ok", true),
                row("primed, duplicate open after whitespace swallowed", true,
                        List.of("\n", "<th", "ink>", "\n\nhmm", "</think>", "ok"),
                        "hmm", "ok", true),
                row("primed, only one duplicate open swallowed", true, List.of("<think>", "<think>", "x</think>y"),
                        "<think>x", "y", true),
                row("primed, open marker later in thinking is text", true, List.of("a ", "<think>", " b</think>c"),
                        "a <think> b", "c", true),
                row("primed, partial close at end of stream", true, List.of("x", "</"),
                        "x</", "", false),
                row("primed, answer keeps inner and trailing whitespace", true, List.of("</think>", "  Hi there  "),
                        "", "Hi there  ", true),

                // per-model markers
                row("harmony-style markers", HARMONY, false,
                        List.of("<|channel|>", "analysis", "<|message|>", "Need sum.", "<|end|>", "4"),
                        "Need sum.", "4", true),
                row("harmony-style markers with a '<|' lookalike in thinking", HARMONY, false,
                        List.of("<|channel|>analysis<|message|>", "x <|", "start|> y", "<|end|>", "z"),
                        "x <|start|> y", "z", true),
                row("[THINK]/[/THINK] markers split across tokens", BRACKETS, false,
                        List.of("[THINK]", "hmm", "[/", "THINK]", "Answer"),
                        "hmm", "Answer", true),
                row("default tags are text under custom markers", BRACKETS, false,
                        List.of("<think>", "x", "</think>", "y"),
                        "", "<think>x</think>y", true),
                row("[THINK] markers, primed, never closed", BRACKETS, true, List.of("still ", "[/THI"),
                        "still [/THI", "", false),
                row("unicode markers", CJK, false, List.of("«思", "考»", "想一想", "«/思", "考»", "好"),
                        "想一想", "好", true),
                row("emoji markers (surrogate pairs)", EMOJI, false, List.of("🤔", "hmm", "💡", "aha"),
                        "hmm", "aha", true));
    }

    @ParameterizedTest(name = "token by token: {0}")
    @MethodSource("cases")
    void tokenByToken(Case c) {
        check(c, c.tokens());
    }

    @ParameterizedTest(name = "char by char: {0}")
    @MethodSource("cases")
    void characterByCharacter(Case c) {
        String text = String.join("", c.tokens());
        check(c, text.codePoints().mapToObj(Character::toString).toList());
    }

    @ParameterizedTest(name = "one chunk and every two-chunk split: {0}")
    @MethodSource("cases")
    void singleChunkAndEveryTwoWaySplit(Case c) {
        String text = String.join("", c.tokens());
        check(c, List.of(text));
        for (int i = 0; i <= text.length(); i = text.offsetByCodePoints(i, 1)) {
            check(c, List.of(text.substring(0, i), text.substring(i)));
            if (i == text.length()) {
                break;
            }
        }
    }

    @ParameterizedTest(name = "ReasoningResult.split: {0}")
    @MethodSource("cases")
    void resultHelper(Case c) {
        assertThat(ReasoningResult.split(c.markers(), c.primed(), c.tokens()))
                .isEqualTo(new ReasoningResult(c.thinking(), c.answer(), c.closed()));
    }

    /** Feeds {@code chunks}, checks the concatenated result and the event-order invariants. */
    private static void check(Case c, List<String> chunks) {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(c.markers(), c.primed(), events::add);
        chunks.forEach(splitter::accept);
        splitter.finish();

        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        int finishedCount = 0;
        for (ReasoningEvent e : events) {
            switch (e) {
                case ThinkingDelta d -> {
                    assertThat(d.text()).as("delta in %s", chunks).isNotEmpty();
                    assertThat(finishedCount).as("thinking after ThinkingFinished in %s", chunks).isZero();
                    assertThat(answer).as("thinking after answer in %s", chunks).isEmpty();
                    thinking.append(d.text());
                }
                case AnswerDelta d -> {
                    assertThat(d.text()).as("delta in %s", chunks).isNotEmpty();
                    answer.append(d.text());
                }
                case ThinkingFinished f -> {
                    assertThat(answer).as("ThinkingFinished after answer in %s", chunks).isEmpty();
                    assertThat(f.duration().isNegative()).isFalse();
                    finishedCount++;
                }
            }
        }
        ReasoningResult got = new ReasoningResult(thinking.toString(), answer.toString(), !splitter.inThinking());
        assertThat(got).as("chunks %s", chunks)
                .isEqualTo(new ReasoningResult(c.thinking(), c.answer(), c.closed()));
        assertThat(finishedCount).as("ThinkingFinished count for %s", chunks)
                .isEqualTo(splitter.thinkingClosed() ? 1 : 0);
        assertThat(splitter.thinkingClosed() || splitter.sawThinking() == splitter.inThinking())
                .as("unclosed thinking means ended in thinking, for %s", chunks).isTrue();
        if (!c.thinking().isEmpty()) {
            assertThat(splitter.sawThinking()).isTrue();
        }
    }

    // ---- timing, latency and state ---------------------------------------------------------------------------

    /** An InstantSource the test advances by hand. */
    static final class FakeClock implements InstantSource {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void primedDurationRunsFromFirstTokenToTheClose() {
        FakeClock clock = new FakeClock();
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, true, clock, events::add);
        clock.advance(Duration.ofSeconds(30)); // prompt processing: not thinking time
        splitter.accept("Hmm");
        clock.advance(Duration.ofSeconds(2));
        splitter.accept(" ok\n");
        clock.advance(Duration.ofSeconds(3));
        splitter.accept("</think>");
        clock.advance(Duration.ofSeconds(1));
        splitter.accept("\n\nHi");
        splitter.finish();

        assertThat(events).containsExactly(
                new ThinkingDelta("Hmm"), new ThinkingDelta(" ok\n"),
                new ThinkingFinished(Duration.ofSeconds(5)), new AnswerDelta("Hi"));
    }

    @Test
    void durationEndsAtTheTokenThatCompletesASplitCloseMarker() {
        FakeClock clock = new FakeClock();
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, clock, events::add);
        splitter.accept("<think>");
        clock.advance(Duration.ofMillis(400));
        splitter.accept("x</th");
        clock.advance(Duration.ofMillis(100));
        assertThat(events).containsExactly(new ThinkingDelta("x"));
        splitter.accept("ink>");
        assertThat(events).containsExactly(new ThinkingDelta("x"), new ThinkingFinished(Duration.ofMillis(500)));
        assertThat(splitter.thinkingClosed()).isTrue();
        assertThat(splitter.inThinking()).isFalse();
    }

    @Test
    void noThinkingFinishedWhenTheCloseNeverComes() {
        FakeClock clock = new FakeClock();
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, true, clock, events::add);
        splitter.accept("abc</thi");
        assertThat(events).containsExactly(new ThinkingDelta("abc"));
        splitter.finish();
        assertThat(events).containsExactly(new ThinkingDelta("abc"), new ThinkingDelta("</thi"));
        assertThat(splitter.thinkingClosed()).isFalse();
        assertThat(splitter.sawThinking()).isTrue();
        assertThat(splitter.inThinking()).isTrue();
    }

    @Test
    void whitespaceOnlyThinkingSendsOnlyThinkingFinished() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, events::add);
        for (String t : List.of("<think>", "\n\n", "</think>", "\n\n", "Hi")) {
            splitter.accept(t);
        }
        splitter.finish();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ThinkingFinished.class);
        assertThat(events.get(1)).isEqualTo(new AnswerDelta("Hi"));
        assertThat(splitter.sawThinking()).isTrue();
        assertThat(splitter.thinkingClosed()).isTrue();
    }

    @Test
    void answerTokensAreSentImmediatelyWithoutCopying() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, events::add);
        splitter.accept("Hello");
        assertThat(events).containsExactly(new AnswerDelta("Hello"));
        assertThat(splitter.sawThinking()).isFalse();
        String token = " world, </think> and <think> too";
        splitter.accept(token);
        assertThat(((AnswerDelta) events.get(1)).text()).isSameAs(token);
    }

    @Test
    void thinkingTextIsSentAtOnceExceptAPossibleMarkerPrefix() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, true, events::add);
        splitter.accept("plain thought");
        assertThat(events).containsExactly(new ThinkingDelta("plain thought"));
        splitter.accept(" a<");
        assertThat(events).last().isEqualTo(new ThinkingDelta(" a"));
        splitter.accept("/x");
        assertThat(events).last().isEqualTo(new ThinkingDelta("</x"));
        splitter.accept("</think");
        assertThat(events).hasSize(3);
        splitter.accept("ing> more");
        assertThat(events).last().isEqualTo(new ThinkingDelta("</thinking> more"));
    }

    @Test
    void unprimedStartHoldsOnlyWhitespaceAndAnOpenMarkerPrefix() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, events::add);
        splitter.accept("\n");
        splitter.accept("<th");
        assertThat(events).isEmpty();
        splitter.accept("e");
        assertThat(events).containsExactly(new AnswerDelta("\n<the"));
    }

    @Test
    void acceptAfterFinishFailsAndFinishIsIdempotent() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, events::add);
        splitter.accept("<thi");
        splitter.finish();
        splitter.finish();
        assertThat(events).containsExactly(new AnswerDelta("<thi"));
        assertThatThrownBy(() -> splitter.accept("x")).isInstanceOf(IllegalStateException.class);
    }

    // ---- thinking sent apart (a server's reasoning_content) ---------------------------------------------------

    @Test
    void thinkingSentApartIsThinkingAndTheFirstAnswerTextClosesIt() {
        FakeClock clock = new FakeClock();
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, clock, events::add);
        splitter.acceptThinking("\n");
        splitter.acceptThinking("Is </think> a tag?");
        clock.advance(Duration.ofSeconds(2));
        splitter.accept("\n\nYes.");
        splitter.finish();

        assertThat(events).containsExactly(new ThinkingDelta("Is </think> a tag?"),
                new ThinkingFinished(Duration.ofSeconds(2)), new AnswerDelta("Yes."));
        assertThat(splitter.sawThinking()).isTrue();
        assertThat(splitter.thinkingClosed()).isTrue();
    }

    @Test
    void aPrimedPromptAndThinkingSentApartMakeOneThinkingBlock() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, true, events::add);
        splitter.acceptThinking("Hmm");
        splitter.accept("Hi");
        splitter.finish();

        assertThat(events).hasSize(3).startsWith(new ThinkingDelta("Hmm")).endsWith(new AnswerDelta("Hi"));
    }

    @Test
    void aReplyOfThinkingSentApartAloneEndsInsideThinking() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, events::add);
        splitter.acceptThinking("still thinking");
        splitter.finish();

        assertThat(events).containsExactly(new ThinkingDelta("still thinking"));
        assertThat(splitter.inThinking()).isTrue();
        assertThatThrownBy(() -> splitter.acceptThinking("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thinkingSentApartAfterTheAnswerBeganIsKeptAsThinking() {
        List<ReasoningEvent> events = new ArrayList<>();
        ReasoningSplitter splitter = new ReasoningSplitter(R1, false, events::add);
        splitter.accept("Answer");
        splitter.acceptThinking("late thought");
        splitter.finish();

        assertThat(events).containsExactly(new AnswerDelta("Answer"), new ThinkingDelta("late thought"));
    }

    // ---- markers -----------------------------------------------------------------------------------------------

    @Test
    void markersAreValidated() {
        assertThatThrownBy(() -> new ReasoningMarkers(" ", "</think>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReasoningMarkers("<think>", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReasoningMarkers("<t>", "<t>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReasoningMarkers("\n<t>", "</t>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReasoningMarkers(null, "</t>")).isInstanceOf(NullPointerException.class);
        assertThat(ReasoningMarkers.DEFAULT).isEqualTo(new ReasoningMarkers("<think>", "</think>"));
    }

    @Test
    void markersTellWhetherARenderedPromptPrimesThinking() {
        assertThat(R1.primes("<｜User｜>hi<｜Assistant｜><think>\n")).isTrue();
        assertThat(R1.primes("...<|im_start|>assistant\n<think>")).isTrue();
        assertThat(R1.primes("...<|im_start|>assistant\n")).isFalse();
        assertThat(R1.primes("...</think>")).isFalse();
        assertThat(BRACKETS.primes("[INST]hi[/INST][THINK]")).isTrue();
    }

    @Test
    void tableHasAtLeastThirtyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }
}
