package neptun.chat.application.port.in;

import neptun.chat.domain.Chat;

/** Renames a chat, and optionally switches its model. */
public interface RenameChat {
    /**
     * @return the chat as it is now, its {@code updatedAt} moved to the time of the rename
     * @throws InvalidInputException when the name or model is invalid; nothing is changed
     * @throws ChatNotFoundException when the chat is not the requester's own
     */
    Chat rename(RenameChatCommand command);
}
