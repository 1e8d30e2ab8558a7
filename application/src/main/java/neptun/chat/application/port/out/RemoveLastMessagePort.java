package neptun.chat.application.port.out;

import java.util.Objects;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;

/** Removes the newest message of a chat. */
public interface RemoveLastMessagePort {
    /**
     * Deletes exactly one message, the one with the highest id of chat {@code chat} at the time, if the chat
     * is {@code owner}'s. Concurrent calls on the same chat each delete a different message.
     */
    Removal removeLastMessage(UserId owner, ChatId chat);

    /** What a removal found. */
    sealed interface Removal {
        /** The newest message, which is now deleted. */
        record Removed(ChatMessage message) implements Removal {
            public Removed {
                Objects.requireNonNull(message, "message");
            }
        }

        /** The chat is the owner's but has no messages; nothing was deleted. */
        record ChatIsEmpty() implements Removal {
        }

        /** The chat does not exist or is not the owner's; nothing was deleted. */
        record NoSuchChat() implements Removal {
        }
    }
}
