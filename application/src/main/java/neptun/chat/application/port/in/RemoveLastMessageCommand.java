package neptun.chat.application.port.in;

import java.util.Objects;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Remove the newest message of chat {@code chatId} of user {@code owner}, on behalf of {@code requester}. */
public record RemoveLastMessageCommand(UserId requester, UserId owner, ChatId chatId) {
    public RemoveLastMessageCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
    }

    public static RemoveLastMessageCommand of(UserId user, ChatId chatId) {
        return new RemoveLastMessageCommand(user, user, chatId);
    }
}
