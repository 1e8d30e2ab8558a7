package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * Create a chat named {@code name} for {@code owner}, on behalf of {@code requester}; {@code model} is optional.
 *
 * @param idempotency when present, a repeat with the same key creates no second chat
 */
public record CreateChatCommand(UserId requester, UserId owner, String name, Optional<String> model,
                                Optional<Idempotency> idempotency) {
    /** The most characters (UTF-16 units) of a chat's name, also on a rename. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The most characters (UTF-16 units) of a chat's model, also on a rename. */
    public static final int MAX_MODEL_LENGTH = 255;

    public CreateChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /** A creation without idempotency key. */
    public CreateChatCommand(UserId requester, UserId owner, String name, Optional<String> model) {
        this(requester, owner, name, model, Optional.empty());
    }

    public static CreateChatCommand of(UserId user, String name) {
        return new CreateChatCommand(user, user, name, Optional.empty());
    }

    /** This creation under {@code key}, with the {@link #fingerprint() fingerprint} of what it asks for. */
    public CreateChatCommand withIdempotencyKey(IdempotencyKey key) {
        return withIdempotency(new Idempotency(key, fingerprint()));
    }

    public CreateChatCommand withIdempotency(Idempotency idempotency) {
        return new CreateChatCommand(requester, owner, name, model, Optional.of(idempotency));
    }

    /** What this creation asks for: the use case, the users, the name and the model. */
    public RequestFingerprint fingerprint() {
        return RequestFingerprint.of("CreateChat", requester.value(), owner.value(), name, Conditions.optional(model));
    }
}
