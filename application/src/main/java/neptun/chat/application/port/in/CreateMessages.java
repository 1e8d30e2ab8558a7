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
}
