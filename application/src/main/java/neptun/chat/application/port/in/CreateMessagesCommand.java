package neptun.chat.application.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * Append {@code messages}, in order, to chat {@code chatId} of user {@code owner}, on behalf of
 * {@code requester} (the authenticated user). A requester may only write into its own chats.
 *
 * @param expectedLastMessageId when present, append only if the chat's newest message has this id (0: only
 *     if the chat has no messages)
 * @param idempotency when present, a repeat of this append with the same key appends nothing again
 */
public record CreateMessagesCommand(UserId requester, UserId owner, ChatId chatId, List<MessageInput> messages,
                                    OptionalLong expectedLastMessageId, Optional<Idempotency> idempotency) {
    public CreateMessagesCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        messages = List.copyOf(messages);
        Conditions.checkExpectedLastMessageId(expectedLastMessageId);
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /** An unconditional append without idempotency key. */
    public CreateMessagesCommand(UserId requester, UserId owner, ChatId chatId, List<MessageInput> messages) {
        this(requester, owner, chatId, messages, OptionalLong.empty(), Optional.empty());
    }

    /** A user writing into its own chat. */
    public static CreateMessagesCommand of(UserId user, ChatId chatId, List<MessageInput> messages) {
        return new CreateMessagesCommand(user, user, chatId, messages);
    }

    /** This append, done only if the chat's newest message is {@code lastMessageId} (0: if the chat has none). */
    public CreateMessagesCommand ifLastMessageIs(long lastMessageId) {
        return new CreateMessagesCommand(requester, owner, chatId, messages, OptionalLong.of(lastMessageId), idempotency);
    }

    /** This append under {@code key}, with the {@link #fingerprint() fingerprint} of what it asks for. */
    public CreateMessagesCommand withIdempotencyKey(IdempotencyKey key) {
        return withIdempotency(new Idempotency(key, fingerprint()));
    }

    public CreateMessagesCommand withIdempotency(Idempotency idempotency) {
        return new CreateMessagesCommand(requester, owner, chatId, messages, expectedLastMessageId, Optional.of(idempotency));
    }

    /** What this append asks for (not its condition): the use case, the users, the chat and every message. */
    public RequestFingerprint fingerprint() {
        List<String> parts = new ArrayList<>(List.of("CreateMessages", requester.value(), owner.value(), chatId.toString()));
        for (MessageInput message : messages) {
            parts.add(message.content());
            parts.add(message.role());
        }
        return RequestFingerprint.of(parts);
    }
}
