package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.domain.Chat;

/** Holds a new name and model to the same rules as a new chat's. */
public class RenameChatService implements RenameChat {
    private final RenameChatPort chats;
    private final Clock clock;

    public RenameChatService(RenameChatPort chats, Clock clock) {
        this.chats = Objects.requireNonNull(chats);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Chat rename(RenameChatCommand command) {
        ChatRules.checkNameAndModel(command.name(), command.model());
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return chats.renameChat(command.owner(), command.chatId(), command.name(), command.model(), now)
                .orElseThrow(ChatNotFoundException::new);
    }
}
