package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.Optional;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Changes a chat's own attributes. */
public interface RenameChatPort extends RecordedKeysPort {
    /**
     * Sets the name, and the model when {@code model} is present, of chat {@code chat} if it is
     * {@code owner}'s, and moves its last change to {@code at} (never backwards).
     *
     * @return the chat as it is now, or empty when it is not {@code owner}'s (then nothing changed)
     */
    Optional<Chat> renameChat(UserId owner, ChatId chat, String name, Optional<String> model, Instant at);

    /**
     * The same, recording {@code key} with the renamed chat in the same transaction when it is present. Stores
     * that keep keys override this; the default, for stores that keep none (test doubles), refuses a key.
     *
     * @throws KeyAlreadyRecordedException when {@code key} is recorded already; nothing changed
     */
    default Optional<Chat> renameChat(UserId owner, ChatId chat, String name, Optional<String> model, Instant at,
                                      Optional<KeyRecord<Chat>> key) {
        if (key.isPresent()) {
            throw new UnsupportedOperationException("this store records no idempotency keys");
        }
        return renameChat(owner, chat, name, model, at);
    }
}
