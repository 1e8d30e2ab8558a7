package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * Delete chat {@code chatId} of user {@code owner} and its messages, on behalf of {@code requester}.
 *
 * @param idempotency when present, a repeat with the same key answers as the first deletion did
 */
public record DeleteChatCommand(UserId requester, UserId owner, ChatId chatId, Optional<Idempotency> idempotency) {
    public DeleteChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /** A deletion without idempotency key. */
    public DeleteChatCommand(UserId requester, UserId owner, ChatId chatId) {
        this(requester, owner, chatId, Optional.empty());
    }

    public static DeleteChatCommand of(UserId user, ChatId chatId) {
        return new DeleteChatCommand(user, user, chatId);
    }

    /** This deletion under {@code key}, with the {@link #fingerprint() fingerprint} of what it asks for. */
    public DeleteChatCommand withIdempotencyKey(IdempotencyKey key) {
        return withIdempotency(new Idempotency(key, fingerprint()));
    }

    public DeleteChatCommand withIdempotency(Idempotency idempotency) {
        return new DeleteChatCommand(requester, owner, chatId, Optional.of(idempotency));
    }

    /** What this deletion asks for: the use case, the users and the chat. */
    public RequestFingerprint fingerprint() {
        return RequestFingerprint.of("DeleteChat", requester.value(), owner.value(), chatId.toString());
    }
}
