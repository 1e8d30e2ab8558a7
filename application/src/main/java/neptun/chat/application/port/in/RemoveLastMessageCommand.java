package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * Remove the newest message of chat {@code chatId} of user {@code owner}, on behalf of {@code requester}.
 *
 * @param expectedLastMessageId when present, remove only if the chat's newest message has this id
 * @param idempotency when present, a repeat of this removal with the same key removes nothing again
 */
public record RemoveLastMessageCommand(UserId requester, UserId owner, ChatId chatId, OptionalLong expectedLastMessageId,
                                       Optional<Idempotency> idempotency) {
    public RemoveLastMessageCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Conditions.checkExpectedLastMessageId(expectedLastMessageId);
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /** An unconditional removal without idempotency key. */
    public RemoveLastMessageCommand(UserId requester, UserId owner, ChatId chatId) {
        this(requester, owner, chatId, OptionalLong.empty(), Optional.empty());
    }

    public static RemoveLastMessageCommand of(UserId user, ChatId chatId) {
        return new RemoveLastMessageCommand(user, user, chatId);
    }

    /** This removal, done only if the chat's newest message is {@code lastMessageId}. */
    public RemoveLastMessageCommand ifLastMessageIs(long lastMessageId) {
        return new RemoveLastMessageCommand(requester, owner, chatId, OptionalLong.of(lastMessageId), idempotency);
    }

    /** This removal under {@code key}, with the {@link #fingerprint() fingerprint} of what it asks for. */
    public RemoveLastMessageCommand withIdempotencyKey(IdempotencyKey key) {
        return withIdempotency(new Idempotency(key, fingerprint()));
    }

    public RemoveLastMessageCommand withIdempotency(Idempotency idempotency) {
        return new RemoveLastMessageCommand(requester, owner, chatId, expectedLastMessageId, Optional.of(idempotency));
    }

    /** What this removal asks for (not its condition): the use case, the users and the chat. */
    public RequestFingerprint fingerprint() {
        return RequestFingerprint.of("RemoveLastMessage", requester.value(), owner.value(), chatId.toString());
    }
}
