package neptun.chat.application.port.out;

import java.util.Optional;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Reads one chat. */
public interface LoadChatPort {
    /** Chat {@code chat} with its effective {@code updatedAt}, or empty when it is not {@code owner}'s. */
    Optional<Chat> loadChat(UserId owner, ChatId chat);
}
