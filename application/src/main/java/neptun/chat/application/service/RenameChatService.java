package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.domain.Chat;

/** Holds a new name and model to the same rules as a new chat's. */
public class RenameChatService implements RenameChat {
    private final RenameChatPort chats;
    private final Clock clock;
    private final KeyedWrites keyedWrites;

    /** Keeps idempotency keys for {@link KeyRetention#DEFAULT}. */
    public RenameChatService(RenameChatPort chats, Clock clock) {
        this(chats, clock, KeyRetention.DEFAULT);
    }

    public RenameChatService(RenameChatPort chats, Clock clock, KeyRetention retention) {
        this.chats = Objects.requireNonNull(chats);
        this.clock = Objects.requireNonNull(clock);
        this.keyedWrites = new KeyedWrites(chats, retention);
    }

    @Override
    public Chat rename(RenameChatCommand command) {
        return renameOnce(command).result();
    }

    @Override
    public Outcome<Chat> renameOnce(RenameChatCommand command) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return keyedWrites.run(command.idempotency(), command.requester(), now, StoredResults.CHAT, key -> {
            ChatRules.checkNameAndModel(command.name(), command.model());
            if (!command.requester().equals(command.owner())) {
                throw new ChatNotFoundException();
            }
            return chats.renameChat(command.owner(), command.chatId(), command.name(), command.model(), now, key)
                    .orElseThrow(ChatNotFoundException::new);
        });
    }
}
