package neptun.chat.application.port.in;

import neptun.chat.domain.ChatMessage;

/** Removes a chat's newest message, for instance to have an answer generated again. */
public interface RemoveLastMessage {
    /**
     * Removes exactly one message, the one with the highest id; concurrent calls each remove a different one.
     *
     * @return the removed message
     * @throws ChatNotFoundException when the chat is not the requester's own
     * @throws ChatHasNoMessagesException when the requester's chat has no messages
     */
    ChatMessage remove(RemoveLastMessageCommand command);
}
