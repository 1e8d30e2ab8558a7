package neptun.chat.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ListChatsCommand;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.out.LoadChatsPort;
import neptun.chat.domain.Chat;

public class ListChatsService implements ListChats {
    private final LoadChatsPort chats;
    private final PageLimits limits;

    public ListChatsService(LoadChatsPort chats, PageLimits limits) {
        this.chats = Objects.requireNonNull(chats);
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public List<Chat> list(ListChatsCommand command) {
        List<Violation> violations = new ArrayList<>();
        int limit = PageRules.limit(command.limit(), limits, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        return chats.loadChats(command.owner(), command.order(), limit);
    }
}
