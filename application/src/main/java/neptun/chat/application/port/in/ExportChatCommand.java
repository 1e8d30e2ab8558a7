package neptun.chat.application.port.in;

import java.util.Objects;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/** Export chat {@code chatId} of user {@code owner} on behalf of {@code requester}. */
public record ExportChatCommand(UserId requester, UserId owner, ChatId chatId) {
    public ExportChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
    }

    /** A user's export of their own chat. */
    public static ExportChatCommand of(UserId user, ChatId chatId) {
        return new ExportChatCommand(user, user, chatId);
    }
}
