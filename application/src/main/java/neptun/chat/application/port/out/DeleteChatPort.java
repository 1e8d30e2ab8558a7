package neptun.chat.application.port.out;

import java.util.Optional;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Deletes chats. */
public interface DeleteChatPort {
    /**
     * Deletes chat {@code chat} and all its messages, in one transaction, if it is {@code owner}'s.
     *
     * @return the chat as it was just before, or empty when it is not {@code owner}'s (then nothing changed)
     */
    Optional<Chat> deleteChat(UserId owner, ChatId chat);
}
