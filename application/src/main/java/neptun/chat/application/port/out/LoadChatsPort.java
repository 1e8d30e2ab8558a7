package neptun.chat.application.port.out;

import java.util.List;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.domain.Chat;
import neptun.chat.domain.UserId;

/** Reads a user's chats. */
public interface LoadChatsPort {
    /**
     * The first {@code limit} chats of {@code owner} in {@code order}, each with its effective
     * {@code updatedAt} (the later of its last change and its newest message).
     */
    List<Chat> loadChats(UserId owner, ChatOrder order, int limit);
}
