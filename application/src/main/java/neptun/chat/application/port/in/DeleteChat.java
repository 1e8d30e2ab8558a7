package neptun.chat.application.port.in;

import neptun.chat.domain.Chat;

/** Deletes a chat together with all its messages. */
public interface DeleteChat {
    /**
     * @return the chat as it was just before it was deleted
     * @throws ChatNotFoundException when the chat is not the requester's own
     */
    Chat delete(DeleteChatCommand command);
}
