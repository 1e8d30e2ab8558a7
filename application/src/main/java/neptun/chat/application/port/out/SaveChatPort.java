package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.Optional;
import neptun.chat.domain.Chat;
import neptun.chat.domain.UserId;

/** Stores chats. */
public interface SaveChatPort extends RecordedKeysPort {
    /** Stores a new chat for {@code owner}; @return the chat, or empty when {@code owner} is not registered. */
    Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt);

    /**
     * The same, recording {@code key} with the new chat in the same transaction when it is present. Stores
     * that keep keys override this; the default, for stores that keep none (test doubles), refuses a key.
     *
     * @throws KeyAlreadyRecordedException when {@code key} is recorded already; nothing was stored
     */
    default Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt, Optional<KeyRecord<Chat>> key) {
        if (key.isPresent()) {
            throw new UnsupportedOperationException("this store records no idempotency keys");
        }
        return insertChat(owner, name, model, createdAt);
    }
}
