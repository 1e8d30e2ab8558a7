package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.domain.Chat;

public class CreateChatService implements CreateChat {
    private final SaveChatPort chats;
    private final Clock clock;

    public CreateChatService(SaveChatPort chats, Clock clock) {
        this.chats = Objects.requireNonNull(chats);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Chat create(CreateChatCommand command) {
        ChatRules.checkNameAndModel(command.name(), command.model());
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return chats.insertChat(command.owner(), command.name(), command.model(), now)
                .orElseThrow(() -> new UserNotFoundException(command.owner()));
    }
}
