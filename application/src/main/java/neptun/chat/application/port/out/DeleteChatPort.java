package neptun.chat.application.port.out;

import java.util.Optional;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Deletes chats. */
public interface DeleteChatPort extends RecordedKeysPort {
    /**
     * Deletes chat {@code chat} and all its messages, in one transaction, if it is {@code owner}'s.
     *
     * @return the chat as it was just before, or empty when it is not {@code owner}'s (then nothing changed)
     */
    Optional<Chat> deleteChat(UserId owner, ChatId chat);

    /**
     * The same, recording {@code key} with the deleted chat in the same transaction when it is present. Stores
     * that keep keys override this; the default, for stores that keep none (test doubles), refuses a key.
     *
     * @throws KeyAlreadyRecordedException when {@code key} is recorded already; nothing changed
     */
    default Optional<Chat> deleteChat(UserId owner, ChatId chat, Optional<KeyRecord<Chat>> key) {
        if (key.isPresent()) {
            throw new UnsupportedOperationException("this store records no idempotency keys");
        }
        return deleteChat(owner, chat);
    }
}
