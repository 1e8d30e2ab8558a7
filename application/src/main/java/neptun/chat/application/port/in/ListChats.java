package neptun.chat.application.port.in;

import java.util.List;
import neptun.chat.domain.Chat;

/** Lists a user's chats. */
public interface ListChats {
    /**
     * @return at most the command's limit of the owner's chats, in the command's order (none when the
     *     owner has no chats or is not registered)
     * @throws InvalidInputException when the limit is not between 1 and the configured maximum
     * @throws ChatNotFoundException when the requester acts for another user
     */
    List<Chat> list(ListChatsCommand command);
}
