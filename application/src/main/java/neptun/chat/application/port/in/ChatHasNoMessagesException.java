package neptun.chat.application.port.in;

import neptun.chat.domain.DomainException;

/** The requester's own chat has no message to act on. */
public class ChatHasNoMessagesException extends DomainException {
    public ChatHasNoMessagesException() {
        super("No messages in chat");
    }
}
