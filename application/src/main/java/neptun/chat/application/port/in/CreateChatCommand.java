package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.UserId;

/** Create a chat named {@code name} for {@code owner}, on behalf of {@code requester}; {@code model} is optional. */
public record CreateChatCommand(UserId requester, UserId owner, String name, Optional<String> model) {
    public CreateChatCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
    }

    public static CreateChatCommand of(UserId user, String name) {
        return new CreateChatCommand(user, user, name, Optional.empty());
    }
}
