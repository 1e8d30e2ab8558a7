package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * Give chat {@code chatId} of user {@code owner} the name {@code name}, and the model {@code model} when
 * present (an empty model keeps the current one), on behalf of {@code requester}.
 */
public record RenameChatCommand(UserId requester, UserId owner, ChatId chatId, String name, Optional<String> model) {
    public RenameChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
    }

    public static RenameChatCommand of(UserId user, ChatId chatId, String name) {
        return new RenameChatCommand(user, user, chatId, name, Optional.empty());
    }
}
