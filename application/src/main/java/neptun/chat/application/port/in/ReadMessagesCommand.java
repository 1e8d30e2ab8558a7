package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.OptionalInt;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * Read the messages of chat {@code chatId} of user {@code owner} whose ids are greater than {@code after}
 * (0 reads from the start), at most {@code limit} of them (the configured default when empty), on behalf
 * of {@code requester}. The ids are a cursor: a page never depends on how many messages came before it.
 */
public record ReadMessagesCommand(UserId requester, UserId owner, ChatId chatId, long after, OptionalInt limit) {
    public ReadMessagesCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(limit, "limit");
    }

    /** The first page of a user's own chat, of the default size. */
    public static ReadMessagesCommand firstPage(UserId user, ChatId chatId) {
        return new ReadMessagesCommand(user, user, chatId, 0, OptionalInt.empty());
    }

    /** This command, continuing after message id {@code afterId}. */
    public ReadMessagesCommand withAfter(long afterId) {
        return new ReadMessagesCommand(requester, owner, chatId, afterId, limit);
    }
}
