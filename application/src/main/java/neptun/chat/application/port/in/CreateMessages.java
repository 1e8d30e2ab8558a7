package neptun.chat.application.port.in;

import java.util.List;
import neptun.chat.domain.ChatMessage;

/** Stores messages into a chat: all of them, in order, or none. */
public interface CreateMessages {
    /**
     * @return the stored messages in the command's order, with increasing ids; for a repeat of an earlier
     *     call with the command's idempotency key, the messages that call stored (nothing is stored again)
     * @throws InvalidInputException when any message is invalid or the batch breaks a limit; nothing is stored
     * @throws ChatNotFoundException when the chat is not the requester's own; nothing is stored
     * @throws LastMessageChangedException when the command expects another newest message than the chat has
     * @throws IdempotencyKeyReusedException when the command's key was used for another request
     * @throws IdempotencyKeyInUseException when a call with the same key is still in progress
     */
    List<ChatMessage> create(CreateMessagesCommand command);

    /**
     * Like {@link #create}, and says whether the answer is a replay of an earlier call with the command's
     * idempotency key. An implementation that keeps no keys calls every answer fresh.
     */
    default Outcome<List<ChatMessage>> createOnce(CreateMessagesCommand command) {
        return Outcome.fresh(create(command));
    }

    /**
     * Checks the command's messages by the rules {@link #create} holds them to, and stores nothing: a way to
     * learn every problem of a batch before anything may be stored. The chat is not looked up.
     *
     * @throws InvalidInputException with the violations {@link #create} would report
     */
    void check(CreateMessagesCommand command);
}
