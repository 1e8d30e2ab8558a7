package neptun.chat.application.port.in;

import neptun.chat.domain.Chat;

/** Starts a new, empty chat for a user. */
public interface CreateChat {
    /**
     * A repeat of an earlier call with the command's idempotency key creates nothing and answers with the
     * chat that call created.
     *
     * @throws InvalidInputException when the name or model is invalid
     * @throws ChatNotFoundException when the requester acts for another user
     * @throws UserNotFoundException when the owner is not registered
     * @throws IdempotencyKeyReusedException when the command's key was used for another request
     * @throws IdempotencyKeyInUseException when a call with the same key is still in progress
     */
    Chat create(CreateChatCommand command);

    /**
     * Like {@link #create}, and says whether the answer is a replay of an earlier call with the command's
     * idempotency key. An implementation that keeps no keys calls every answer fresh.
     */
    default Outcome<Chat> createOnce(CreateChatCommand command) {
        return Outcome.fresh(create(command));
    }
}
