package neptun.chat.application.port.in;

import neptun.chat.domain.DomainException;

/**
 * The chat does not exist, belongs to another user, or the caller acts for a user other than itself.
 * Deliberately one exception for all three, so no caller can learn which chats exist.
 */
public class ChatNotFoundException extends DomainException {
    public ChatNotFoundException() {
        super("Chat or user not found");
    }
}
