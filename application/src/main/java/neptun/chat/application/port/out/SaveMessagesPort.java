package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;

/** Appends messages to a chat. */
public interface SaveMessagesPort extends RecordedKeysPort {
    /**
     * Stores {@code messages} in order, each with {@code createdAt}, if and only if chat {@code chat} exists
     * and is owned by {@code owner}. The ownership check and every insert happen in one transaction:
     * either all messages are stored or none is.
     *
     * @return the stored messages in the given order with increasing ids, or empty when the chat is not
     *     {@code owner}'s (then nothing was stored)
     */
    Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> messages, Instant createdAt);

    /**
     * The same, only if the chat's newest message is {@code expectedLastMessageId} when that is present (0:
     * the chat has none), and recording {@code key} with the stored messages when that is present. The checks,
     * every insert and the key are one transaction: all messages are stored, with the key, or nothing is.
     * Stores that keep conditions and keys override this; the default, for stores that keep neither (test
     * doubles), appends without them and refuses a condition or a key.
     *
     * @return the stored messages in the given order with increasing ids, or why nothing was stored
     * @throws KeyAlreadyRecordedException when {@code key} is recorded already; nothing was stored
     */
    default AppendResult appendMessages(UserId owner, ChatId chat, List<NewMessage> messages, Instant createdAt,
                                        OptionalLong expectedLastMessageId, Optional<KeyRecord<List<ChatMessage>>> key) {
        if (expectedLastMessageId.isPresent() || key.isPresent()) {
            throw new UnsupportedOperationException("this store appends without conditions and idempotency keys");
        }
        return appendMessages(owner, chat, messages, createdAt).<AppendResult>map(AppendResult.Appended::new)
                .orElseGet(AppendResult.NoSuchChat::new);
    }

    /** What an append did. */
    sealed interface AppendResult {
        /** The messages are stored. */
        record Appended(List<ChatMessage> messages) implements AppendResult {
            public Appended {
                messages = List.copyOf(messages);
            }
        }

        /** The chat does not exist or is not the owner's; nothing was stored. */
        record NoSuchChat() implements AppendResult {
        }

        /** The chat's newest message is {@code lastMessageId} (0: none), not the one expected; nothing was stored. */
        record LastMessageDiffers(long lastMessageId) implements AppendResult {
        }
    }
}
