package neptun.chat.domain;

import java.time.Instant;
import java.util.Optional;

/** Ready-made domain values for tests of every module. */
public final class ChatFixtures {
    public static final Instant T0 = Instant.parse("2026-03-20T10:00:00.123456Z");
    public static final UserId ADA = new UserId("ada");
    public static final UserId BOB = new UserId("bob");

    private ChatFixtures() {
    }

    public static Chat aChatOwnedBy(UserId owner) {
        return aChat(new ChatId(123), owner);
    }

    public static Chat aChat(ChatId id, UserId owner) {
        return new Chat(id, owner, "A chat", Optional.empty(), T0, T0);
    }

    public static ChatMessage aMessage(long id, Chat chat, String content, Actor actor) {
        return new ChatMessage(new MessageId(id), chat.id(), chat.owner(), new MessageContent(content), actor, T0);
    }
}
