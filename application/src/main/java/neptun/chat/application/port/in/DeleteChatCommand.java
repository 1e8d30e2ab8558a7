package neptun.chat.application.port.in;

import java.util.Objects;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Delete chat {@code chatId} of user {@code owner} and its messages, on behalf of {@code requester}. */
public record DeleteChatCommand(UserId requester, UserId owner, ChatId chatId) {
    public DeleteChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
    }

    public static DeleteChatCommand of(UserId user, ChatId chatId) {
        return new DeleteChatCommand(user, user, chatId);
    }
}
