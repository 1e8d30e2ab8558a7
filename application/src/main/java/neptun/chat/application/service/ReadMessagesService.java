package neptun.chat.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.ReadMessagesCommand;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.out.LoadMessagesPort;
import neptun.chat.application.port.out.LoadMessagesPort.StoredPage;
import neptun.chat.domain.ChatMessage;

/** Reads one more message than asked for, to know without counting whether another page follows. */
public class ReadMessagesService implements ReadMessages {
    private final LoadMessagesPort messages;
    private final PageLimits limits;

    public ReadMessagesService(LoadMessagesPort messages, PageLimits limits) {
        this.messages = Objects.requireNonNull(messages);
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public MessagePage read(ReadMessagesCommand command) {
        List<Violation> violations = new ArrayList<>();
        PageRules.after(command.after(), violations);
        int limit = PageRules.limit(command.limit(), limits, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        StoredPage stored = messages.loadMessages(command.owner(), command.chatId(), command.after(), limit + 1)
                .orElseThrow(ChatNotFoundException::new);
        List<ChatMessage> found = stored.messages();
        if (found.size() <= limit) {
            return new MessagePage(found, Optional.empty(), stored.lastMessageId());
        }
        List<ChatMessage> page = found.subList(0, limit);
        long last = page.get(limit - 1).id().value();
        var next = new ReadMessagesCommand(command.requester(), command.owner(), command.chatId(), last, OptionalInt.of(limit));
        return new MessagePage(page, Optional.of(next), stored.lastMessageId());
    }
}
