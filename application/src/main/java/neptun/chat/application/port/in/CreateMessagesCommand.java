package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * Append {@code messages}, in order, to chat {@code chatId} of user {@code owner}, on behalf of
 * {@code requester} (the authenticated user). A requester may only write into its own chats.
 */
public record CreateMessagesCommand(UserId requester, UserId owner, ChatId chatId, List<MessageInput> messages) {
    public CreateMessagesCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        messages = List.copyOf(messages);
    }

    /** A user writing into its own chat. */
    public static CreateMessagesCommand of(UserId user, ChatId chatId, List<MessageInput> messages) {
        return new CreateMessagesCommand(user, user, chatId, messages);
    }
}
