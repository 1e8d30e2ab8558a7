package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.domain.Chat;

public class DeleteChatService implements DeleteChat {
    private final DeleteChatPort chats;
    private final Clock clock;
    private final KeyedWrites keyedWrites;

    /** Keeps idempotency keys for {@link KeyRetention#DEFAULT}; {@code clock} times them. */
    public DeleteChatService(DeleteChatPort chats, Clock clock) {
        this(chats, clock, KeyRetention.DEFAULT);
    }

    public DeleteChatService(DeleteChatPort chats, Clock clock, KeyRetention retention) {
        this.chats = Objects.requireNonNull(chats);
        this.clock = Objects.requireNonNull(clock);
        this.keyedWrites = new KeyedWrites(chats, retention);
    }

    @Override
    public Chat delete(DeleteChatCommand command) {
        return deleteOnce(command).result();
    }

    @Override
    public Outcome<Chat> deleteOnce(DeleteChatCommand command) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return keyedWrites.run(command.idempotency(), command.requester(), now, StoredResults.CHAT, key -> {
            if (!command.requester().equals(command.owner())) {
                throw new ChatNotFoundException();
            }
            return chats.deleteChat(command.owner(), command.chatId(), key).orElseThrow(ChatNotFoundException::new);
        });
    }
}
