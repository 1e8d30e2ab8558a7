package neptun.chat.application.port.in;

import neptun.chat.domain.Chat;

/** Renames a chat, and optionally switches its model. */
public interface RenameChat {
    /**
     * A repeat of an earlier call with the command's idempotency key changes nothing and answers as it did.
     *
     * @return the chat as it is now, its {@code updatedAt} moved to the time of the rename
     * @throws InvalidInputException when the name or model is invalid; nothing is changed
     * @throws ChatNotFoundException when the chat is not the requester's own
     * @throws IdempotencyKeyReusedException when the command's key was used for another request
     * @throws IdempotencyKeyInUseException when a call with the same key is still in progress
     */
    Chat rename(RenameChatCommand command);

    /**
     * Like {@link #rename}, and says whether the answer is a replay of an earlier call with the command's
     * idempotency key. An implementation that keeps no keys calls every answer fresh.
     */
    default Outcome<Chat> renameOnce(RenameChatCommand command) {
        return Outcome.fresh(rename(command));
    }
}
