package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.Optional;
import neptun.chat.domain.Chat;
import neptun.chat.domain.UserId;

/** Stores chats. */
public interface SaveChatPort {
    /** Stores a new chat for {@code owner}; @return the chat, or empty when {@code owner} is not registered. */
    Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt);
}
