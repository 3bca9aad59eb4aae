package dev.ponder.chat;

import dev.ponder.engine.Role;
import dev.ponder.engine.ChatTurn;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored messages into the history sent back to the model for the next answer.
 *
 * <ul>
 * <li>Assistant turns carry the answer only: DeepSeek's guidance for R1 models is that earlier reasoning must not be
 * fed back (it wastes context and degrades answers).</li>
 * <li>Messages with status {@link MessageStatus#ERROR} are skipped: they hold no real answer.</li>
 * <li>{@link MessageStatus#STREAMING} messages are skipped: that is the answer being generated now, or one left by a
 * crash that has not yet been marked incomplete.</li>
 * <li>An {@link MessageStatus#INCOMPLETE} answer is sent as it is (the user saw it and may refer to it); one with no
 * answer text at all (stopped while still thinking) is skipped, since an empty assistant turn says nothing.</li>
 * <li>No system prompt is added: DeepSeek recommends none for R1 distills, with all instructions in the user turn.
 * Stored system messages (if any) are kept.</li>
 * </ul>
 */
public final class HistoryAssembler {

    private HistoryAssembler() {
    }

    /** The turns for {@code messages}, given in conversation order. */
    public static List<ChatTurn> assemble(List<Message> messages) {
        List<ChatTurn> turns = new ArrayList<>(messages.size());
        for (Message m : messages) {
            if (m.status() == MessageStatus.ERROR || m.status() == MessageStatus.STREAMING) {
                continue;
            }
            if (m.role() == Role.ASSISTANT && m.answer().isBlank()) {
                continue;
            }
            turns.add(new ChatTurn(m.role(), m.answer()));
        }
        return List.copyOf(turns);
    }
}
