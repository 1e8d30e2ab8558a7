package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * Give chat {@code chatId} of user {@code owner} the name {@code name}, and the model {@code model} when
 * present (an empty model keeps the current one), on behalf of {@code requester}.
 *
 * @param idempotency when present, a repeat with the same key answers as the first rename did
 */
public record RenameChatCommand(UserId requester, UserId owner, ChatId chatId, String name, Optional<String> model,
                                Optional<Idempotency> idempotency) {
    public RenameChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /** A rename without idempotency key. */
    public RenameChatCommand(UserId requester, UserId owner, ChatId chatId, String name, Optional<String> model) {
        this(requester, owner, chatId, name, model, Optional.empty());
    }

    public static RenameChatCommand of(UserId user, ChatId chatId, String name) {
        return new RenameChatCommand(user, user, chatId, name, Optional.empty());
    }

    /** This rename under {@code key}, with the {@link #fingerprint() fingerprint} of what it asks for. */
    public RenameChatCommand withIdempotencyKey(IdempotencyKey key) {
        return withIdempotency(new Idempotency(key, fingerprint()));
    }

    public RenameChatCommand withIdempotency(Idempotency idempotency) {
        return new RenameChatCommand(requester, owner, chatId, name, model, Optional.of(idempotency));
    }

    /** What this rename asks for: the use case, the users, the chat, the name and the model. */
    public RequestFingerprint fingerprint() {
        return RequestFingerprint.of("RenameChat", requester.value(), owner.value(), chatId.toString(), name, Conditions.optional(model));
    }
}
