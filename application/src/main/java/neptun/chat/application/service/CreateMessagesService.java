package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.application.port.out.SaveMessagesPort.AppendResult;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.NewMessage;

/** Checks every message of a command, then stores them all in one call to the store (once per idempotency key). */
public class CreateMessagesService implements CreateMessages {
    private static final InputPath MESSAGES = InputPath.of(InputField.MESSAGES);

    private final SaveMessagesPort store;
    private final Clock clock;
    private final MessageLimits limits;
    private final KeyedWrites keyedWrites;

    /** Keeps idempotency keys for {@link KeyRetention#DEFAULT}. */
    public CreateMessagesService(SaveMessagesPort store, Clock clock, MessageLimits limits) {
        this(store, clock, limits, KeyRetention.DEFAULT);
    }

    public CreateMessagesService(SaveMessagesPort store, Clock clock, MessageLimits limits, KeyRetention retention) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.limits = Objects.requireNonNull(limits);
        this.keyedWrites = new KeyedWrites(store, retention);
    }

    @Override
    public List<ChatMessage> create(CreateMessagesCommand command) {
        return createOnce(command).result();
    }

    @Override
    public Outcome<List<ChatMessage>> createOnce(CreateMessagesCommand command) {
        // Stores keep microseconds; truncating here makes the answer equal what a later read returns.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return keyedWrites.run(command.idempotency(), command.requester(), now, StoredResults.MESSAGES, key -> {
            List<NewMessage> messages = validMessages(command.messages());
            if (!command.requester().equals(command.owner())) {
                throw new ChatNotFoundException();
            }
            AppendResult result = store.appendMessages(command.owner(), command.chatId(), messages, now,
                    command.expectedLastMessageId(), key);
            if (result instanceof AppendResult.Appended appended) {
                return appended.messages();
            }
            if (result instanceof AppendResult.LastMessageDiffers differs) {
                throw new LastMessageChangedException(differs.lastMessageId());
            }
            throw new ChatNotFoundException();
        });
    }

    @Override
    public void check(CreateMessagesCommand command) {
        validMessages(command.messages());
    }

    /** Stops looking once a refusal has as many violations as it may report. */
    private List<NewMessage> validMessages(List<MessageInput> inputs) {
        List<Violation> violations = new ArrayList<>();
        if (inputs.isEmpty()) {
            violations.add(Violation.beyond(MESSAGES, Kind.TOO_FEW, 1));
        } else if (inputs.size() > limits.maxMessagesPerRequest()) {
            violations.add(Violation.beyond(MESSAGES, Kind.TOO_MANY, limits.maxMessagesPerRequest()));
        }
        List<NewMessage> messages = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size() && violations.size() < InvalidInputException.MAX_VIOLATIONS; i++) {
            MessageInput input = inputs.get(i);
            var content = TextRules.check(InputPath.of(i, InputField.CONTENT), input.content(), limits.maxMessageLength(), violations);
            var actor = Actor.fromName(input.role());
            if (actor.isEmpty()) {
                violations.add(Violation.notOneOf(InputPath.of(i, InputField.ROLE), Actor.names(), input.role()));
            }
            if (content && actor.isPresent()) {
                messages.add(new NewMessage(new MessageContent(input.content()), actor.get()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return messages;
    }
}
