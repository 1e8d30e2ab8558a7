package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.OptionalInt;
import neptun.chat.domain.UserId;

/**
 * List the chats of {@code owner} on behalf of {@code requester}, in {@code order}, at most {@code limit}
 * of them (the configured default when empty).
 */
public record ListChatsCommand(UserId requester, UserId owner, ChatOrder order, OptionalInt limit) {
    public ListChatsCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(limit, "limit");
    }

    /** A user's own chats, most recently active first, as many as the default limit allows. */
    public static ListChatsCommand of(UserId user) {
        return new ListChatsCommand(user, user, ChatOrder.UPDATED_AT_DESC, OptionalInt.empty());
    }
}
