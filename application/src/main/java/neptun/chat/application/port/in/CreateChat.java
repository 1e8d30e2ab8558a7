package neptun.chat.application.port.in;

import neptun.chat.domain.Chat;

/** Starts a new, empty chat for a user. */
public interface CreateChat {
    /**
     * @throws InvalidInputException when the name or model is invalid
     * @throws ChatNotFoundException when the requester acts for another user
     * @throws UserNotFoundException when the owner is not registered
     */
    Chat create(CreateChatCommand command);
}
