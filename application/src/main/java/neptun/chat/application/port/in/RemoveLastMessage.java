package neptun.chat.application.port.in;

import neptun.chat.domain.ChatMessage;

/** Removes a chat's newest message, for instance to have an answer generated again. */
public interface RemoveLastMessage {
    /**
     * Removes exactly one message, the one with the highest id; concurrent calls each remove a different one.
     * A repeat of an earlier call with the command's idempotency key removes nothing and answers as it did.
     *
     * @return the removed message
     * @throws ChatNotFoundException when the chat is not the requester's own
     * @throws ChatHasNoMessagesException when the requester's chat has no messages
     * @throws LastMessageChangedException when the command expects another newest message than the chat has
     * @throws IdempotencyKeyReusedException when the command's key was used for another request
     * @throws IdempotencyKeyInUseException when a call with the same key is still in progress
     */
    ChatMessage remove(RemoveLastMessageCommand command);

    /**
     * Like {@link #remove}, and says whether the answer is a replay of an earlier call with the command's
     * idempotency key. An implementation that keeps no keys calls every answer fresh.
     */
    default Outcome<ChatMessage> removeOnce(RemoveLastMessageCommand command) {
        return Outcome.fresh(remove(command));
    }
}
