package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.domain.Chat;

public class CreateChatService implements CreateChat {
    private final SaveChatPort chats;
    private final Clock clock;
    private final KeyedWrites keyedWrites;

    /** Keeps idempotency keys for {@link KeyRetention#DEFAULT}. */
    public CreateChatService(SaveChatPort chats, Clock clock) {
        this(chats, clock, KeyRetention.DEFAULT);
    }

    public CreateChatService(SaveChatPort chats, Clock clock, KeyRetention retention) {
        this.chats = Objects.requireNonNull(chats);
        this.clock = Objects.requireNonNull(clock);
        this.keyedWrites = new KeyedWrites(chats, retention);
    }

    @Override
    public Chat create(CreateChatCommand command) {
        return createOnce(command).result();
    }

    @Override
    public Outcome<Chat> createOnce(CreateChatCommand command) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return keyedWrites.run(command.idempotency(), command.requester(), now, StoredResults.CHAT, key -> {
            ChatRules.checkNameAndModel(command.name(), command.model());
            if (!command.requester().equals(command.owner())) {
                throw new ChatNotFoundException();
            }
            return chats.insertChat(command.owner(), command.name(), command.model(), now, key)
                    .orElseThrow(() -> new UserNotFoundException(command.owner()));
        });
    }
}
