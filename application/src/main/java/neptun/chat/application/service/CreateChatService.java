package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.domain.Chat;

public class CreateChatService implements CreateChat {
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_MODEL_LENGTH = 255;

    private final SaveChatPort chats;
    private final Clock clock;

    public CreateChatService(SaveChatPort chats, Clock clock) {
        this.chats = Objects.requireNonNull(chats);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Chat create(CreateChatCommand command) {
        List<Violation> violations = new ArrayList<>();
        TextRules.check(List.of("name"), command.name(), MAX_NAME_LENGTH, violations);
        command.model().ifPresent(model -> TextRules.check(List.of("model"), model, MAX_MODEL_LENGTH, violations));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return chats.insertChat(command.owner(), command.name(), command.model(), now)
                .orElseThrow(() -> new UserNotFoundException(command.owner()));
    }
}
