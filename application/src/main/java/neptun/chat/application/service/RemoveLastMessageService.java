package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.RemoveLastMessagePort.Removal;
import neptun.chat.domain.ChatMessage;

public class RemoveLastMessageService implements RemoveLastMessage {
    private final RemoveLastMessagePort messages;
    private final Clock clock;
    private final KeyedWrites keyedWrites;

    /** Keeps idempotency keys for {@link KeyRetention#DEFAULT}; {@code clock} times them. */
    public RemoveLastMessageService(RemoveLastMessagePort messages, Clock clock) {
        this(messages, clock, KeyRetention.DEFAULT);
    }

    public RemoveLastMessageService(RemoveLastMessagePort messages, Clock clock, KeyRetention retention) {
        this.messages = Objects.requireNonNull(messages);
        this.clock = Objects.requireNonNull(clock);
        this.keyedWrites = new KeyedWrites(messages, retention);
    }

    @Override
    public ChatMessage remove(RemoveLastMessageCommand command) {
        return removeOnce(command).result();
    }

    @Override
    public Outcome<ChatMessage> removeOnce(RemoveLastMessageCommand command) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return keyedWrites.run(command.idempotency(), command.requester(), now, StoredResults.MESSAGE, key -> {
            if (!command.requester().equals(command.owner())) {
                throw new ChatNotFoundException();
            }
            Removal removal = messages.removeLastMessage(command.owner(), command.chatId(), command.expectedLastMessageId(), key);
            if (removal instanceof Removal.Removed removed) {
                return removed.message();
            }
            if (removal instanceof Removal.ChatIsEmpty) {
                throw new ChatHasNoMessagesException();
            }
            if (removal instanceof Removal.LastMessageDiffers differs) {
                throw new LastMessageChangedException(differs.lastMessageId());
            }
            throw new ChatNotFoundException();
        });
    }
}
