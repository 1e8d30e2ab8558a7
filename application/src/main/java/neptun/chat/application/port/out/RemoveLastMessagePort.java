package neptun.chat.application.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;

/** Removes the newest message of a chat. */
public interface RemoveLastMessagePort extends RecordedKeysPort {
    /**
     * Deletes exactly one message, the one with the highest id of chat {@code chat} at the time, if the chat
     * is {@code owner}'s. Concurrent calls on the same chat each delete a different message.
     */
    Removal removeLastMessage(UserId owner, ChatId chat);

    /**
     * The same, only if that message has the id {@code expectedLastMessageId} when that is present, and
     * recording {@code key} with the removed message when that is present, in one transaction. Stores that
     * keep conditions and keys override this; the default, for stores that keep neither (test doubles),
     * removes without them and refuses a condition or a key.
     *
     * @throws KeyAlreadyRecordedException when {@code key} is recorded already; nothing was deleted
     */
    default Removal removeLastMessage(UserId owner, ChatId chat, OptionalLong expectedLastMessageId, Optional<KeyRecord<ChatMessage>> key) {
        if (expectedLastMessageId.isPresent() || key.isPresent()) {
            throw new UnsupportedOperationException("this store removes without conditions and idempotency keys");
        }
        return removeLastMessage(owner, chat);
    }

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

        /** The chat's newest message is {@code lastMessageId} (0: none), not the one expected; nothing was deleted. */
        record LastMessageDiffers(long lastMessageId) implements Removal {
        }
    }
}
