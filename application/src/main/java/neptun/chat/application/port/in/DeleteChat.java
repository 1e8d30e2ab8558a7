package neptun.chat.application.port.in;

import neptun.chat.domain.Chat;

/** Deletes a chat together with all its messages. */
public interface DeleteChat {
    /**
     * A repeat of an earlier call with the command's idempotency key answers as it did (the chat is gone).
     *
     * @return the chat as it was just before it was deleted
     * @throws ChatNotFoundException when the chat is not the requester's own
     * @throws IdempotencyKeyReusedException when the command's key was used for another request
     * @throws IdempotencyKeyInUseException when a call with the same key is still in progress
     */
    Chat delete(DeleteChatCommand command);

    /**
     * Like {@link #delete}, and says whether the answer is a replay of an earlier call with the command's
     * idempotency key. An implementation that keeps no keys calls every answer fresh.
     */
    default Outcome<Chat> deleteOnce(DeleteChatCommand command) {
        return Outcome.fresh(delete(command));
    }
}
