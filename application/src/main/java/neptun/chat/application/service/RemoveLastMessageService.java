package neptun.chat.application.service;

import java.util.Objects;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.RemoveLastMessagePort.Removal;
import neptun.chat.domain.ChatMessage;

public class RemoveLastMessageService implements RemoveLastMessage {
    private final RemoveLastMessagePort messages;

    public RemoveLastMessageService(RemoveLastMessagePort messages) {
        this.messages = Objects.requireNonNull(messages);
    }

    @Override
    public ChatMessage remove(RemoveLastMessageCommand command) {
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        Removal removal = messages.removeLastMessage(command.owner(), command.chatId());
        if (removal instanceof Removal.Removed removed) {
            return removed.message();
        }
        if (removal instanceof Removal.ChatIsEmpty) {
            throw new ChatHasNoMessagesException();
        }
        throw new ChatNotFoundException();
    }
}
