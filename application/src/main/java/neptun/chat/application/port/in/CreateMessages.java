package neptun.chat.application.port.in;

import java.util.List;
import neptun.chat.domain.ChatMessage;

/** Stores messages into a chat: all of them, in order, or none. */
public interface CreateMessages {
    /**
     * @return the stored messages in the command's order, with increasing ids
     * @throws InvalidInputException when any message is invalid or the batch breaks a limit; nothing is stored
     * @throws ChatNotFoundException when the chat is not the requester's own; nothing is stored
     */
    List<ChatMessage> create(CreateMessagesCommand command);

    /**
     * Checks the command's messages by the rules {@link #create} holds them to, and stores nothing: a way to
     * learn every problem of a batch before anything may be stored. The chat is not looked up.
     *
     * @throws InvalidInputException with the violations {@link #create} would report
     */
    void check(CreateMessagesCommand command);
}
