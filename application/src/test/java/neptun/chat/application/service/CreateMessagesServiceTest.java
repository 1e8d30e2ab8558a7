package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.application.port.out.SaveMessagesPort.AppendResult;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CreateMessagesServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00.123456789Z");
    private static final ChatId CHAT = new ChatId(123);

    private final InMemoryMessages store = new InMemoryMessages(ADA, CHAT);
    private final CreateMessagesService service =
            new CreateMessagesService(store, Clock.fixed(NOW, ZoneOffset.UTC), new MessageLimits(3, 20));

    @Nested
    class Storing {
        @Test
        void createsAllMessagesOfABatchInOrder() {
            var created = service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(
                    new MessageInput("What is Python?", "user"),
                    new MessageInput("A language", "assistant"))));

            assertThat(created).extracting(m -> m.content().value()).containsExactly("What is Python?", "A language");
            assertThat(created).extracting(ChatMessage::actor).containsExactly(Actor.USER, Actor.ASSISTANT);
            assertThat(created).extracting(m -> m.id().value()).containsExactly(1L, 2L);
            assertThat(store.stored).isEqualTo(created);
        }

        @Test
        void stampsMessagesWithTheClockTruncatedToMicroseconds() {
            var created = service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("hi", "system"))));
            assertThat(created.get(0).createdAt()).isEqualTo(Instant.parse("2026-03-20T10:00:00.123456Z"));
        }

        @Test
        void keepsContentExactlyAsSent() {
            var created = service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("  😀\n", "user"))));
            assertThat(created.get(0).content().value()).isEqualTo("  😀\n");
        }
    }

    @Nested
    class Refusing {
        @Test
        void reportsEveryInvalidMessageWithItsPathAndStoresNothing() {
            var command = CreateMessagesCommand.of(ADA, CHAT, List.of(
                    new MessageInput("fine", "user"),
                    new MessageInput("   ", "robot"),
                    new MessageInput("", "user")));

            assertThatThrownBy(() -> service.create(command))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                            Violation.of(InputPath.of(1, InputField.CONTENT), Kind.BLANK),
                            Violation.notOneOf(InputPath.of(1, InputField.ROLE), List.of("user", "assistant", "system"), "robot"),
                            Violation.beyond(InputPath.of(2, InputField.CONTENT), Kind.TOO_SHORT, 1)));
            assertThat(store.stored).isEmpty();
        }

        @Test
        void refusesAnEmptyBatch() {
            assertThatThrownBy(() -> service.create(CreateMessagesCommand.of(ADA, CHAT, List.of())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.beyond(InputPath.of(InputField.MESSAGES), Kind.TOO_FEW, 1)));
        }

        @Test
        void refusesMoreMessagesThanTheLimit() {
            var four = Collections.nCopies(4, new MessageInput("x", "user"));
            assertThatThrownBy(() -> service.create(CreateMessagesCommand.of(ADA, CHAT, four)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.beyond(InputPath.of(InputField.MESSAGES), Kind.TOO_MANY, 3)));
            assertThat(store.stored).isEmpty();
        }

        @Test
        void refusesContentLongerThanTheLimit() {
            var command = CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("x".repeat(21), "user")));
            assertThatThrownBy(() -> service.create(command))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.beyond(InputPath.of(0, InputField.CONTENT), Kind.TOO_LONG, 20)));
        }

        @Test
        void refusesNulAndBrokenUnicode() {
            var command = CreateMessagesCommand.of(ADA, CHAT, List.of(
                    new MessageInput("a\u0000", "user"), new MessageInput("\uD800", "user")));
            assertThatThrownBy(() -> service.create(command))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                            Violation.of(InputPath.of(0, InputField.CONTENT), Kind.CONTAINS_NUL),
                            Violation.of(InputPath.of(1, InputField.CONTENT), Kind.INVALID_UNICODE)));
        }

        @Test
        void boundsTheNumberOfReportedViolations() {
            var limits = new MessageLimits(10_000, 10);
            var big = new CreateMessagesService(store, Clock.systemUTC(), limits);
            var all = Collections.nCopies(5_000, new MessageInput("", "nobody"));
            assertThatThrownBy(() -> big.create(CreateMessagesCommand.of(ADA, CHAT, all)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).hasSize(InvalidInputException.MAX_VIOLATIONS));
        }

        @Test
        void keepsOnlyASafePreviewOfARefusedRole() {
            var command = CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("x", "bad\u0007role")));
            assertThatThrownBy(() -> service.create(command))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                            new Violation(InputPath.of(0, InputField.ROLE), Kind.NOT_ONE_OF, 0,
                                    List.of("user", "assistant", "system"), "bad\uFFFDrole")));
        }
    }

    @Nested
    class Checking {
        @Test
        void reportsWhatCreatingWouldAndStoresNothing() {
            var command = CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("fine", "user"), new MessageInput(" ", "user")));
            var created = catchThrowableOfType(InvalidInputException.class, () -> service.create(command));
            var checked = catchThrowableOfType(InvalidInputException.class, () -> service.check(command));

            assertThat(checked.violations()).isEqualTo(created.violations())
                    .containsExactly(Violation.of(InputPath.of(1, InputField.CONTENT), Kind.BLANK));
            assertThat(store.stored).isEmpty();
        }

        @Test
        void acceptsValidMessagesWithoutAskingTheStore() {
            SaveMessagesPort port = mock(SaveMessagesPort.class);
            var checking = new CreateMessagesService(port, Clock.systemUTC(), MessageLimits.DEFAULT);

            checking.check(CreateMessagesCommand.of(ADA, new ChatId(999), List.of(new MessageInput("hi", "user"))));

            verify(port, never()).appendMessages(any(), any(), any(), any(), any(), any());
        }
    }

    @Nested
    class Ownership {
        @Test
        void refusesToWriteForAnotherUserWithoutAskingTheStore() {
            SaveMessagesPort port = mock(SaveMessagesPort.class);
            var guarded = new CreateMessagesService(port, Clock.systemUTC(), MessageLimits.DEFAULT);
            var command = new CreateMessagesCommand(BOB, ADA, CHAT, List.of(new MessageInput("hi", "user")));

            assertThatThrownBy(() -> guarded.create(command)).isInstanceOf(ChatNotFoundException.class);
            verify(port, never()).appendMessages(any(), any(), any(), any(), any(), any());
        }

        @Test
        void reportsAChatTheOwnerDoesNotHaveAsNotFound() {
            var command = CreateMessagesCommand.of(ADA, new ChatId(999), List.of(new MessageInput("hi", "user")));
            assertThatThrownBy(() -> service.create(command)).isInstanceOf(ChatNotFoundException.class);
            assertThat(store.stored).isEmpty();
        }
    }

    @Nested
    class Conditions {
        @Test
        void appendsWhenTheNewestMessageIsTheExpectedOne() {
            assertThat(service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("first", "user"))).ifLastMessageIs(0)))
                    .extracting(m -> m.id().value()).containsExactly(1L);
            assertThat(service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("second", "user"))).ifLastMessageIs(1)))
                    .extracting(m -> m.id().value()).containsExactly(2L);
        }

        @Test
        void refusesAStaleExpectationNamingTheNewestMessageAndStoresNothing() {
            service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("first", "user"))));

            assertThatThrownBy(() -> service.create(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("late", "user"))).ifLastMessageIs(0)))
                    .isInstanceOfSatisfying(LastMessageChangedException.class, e -> assertThat(e.lastMessageId()).isEqualTo(1));
            assertThat(store.stored).hasSize(1);
        }
    }

    /** A store holding one chat; appends all or nothing like the real one, and records keys with their appends. */
    static final class InMemoryMessages implements SaveMessagesPort {
        private final UserId owner;
        private final ChatId chat;
        private final AtomicLong ids = new AtomicLong();
        final List<ChatMessage> stored = new ArrayList<>();
        final InMemoryKeys keys = new InMemoryKeys();

        InMemoryMessages(UserId owner, ChatId chat) {
            this.owner = owner;
            this.chat = chat;
        }

        @Override
        public Optional<List<ChatMessage>> appendMessages(UserId user, ChatId chatId, List<NewMessage> messages, Instant at) {
            throw new AssertionError("the service appends with its condition and key");
        }

        @Override
        public AppendResult appendMessages(UserId user, ChatId chatId, List<NewMessage> messages, Instant at,
                                           OptionalLong expectedLastMessageId, Optional<KeyRecord<List<ChatMessage>>> key) {
            if (!user.equals(owner) || !chatId.equals(chat)) {
                return new AppendResult.NoSuchChat();
            }
            long last = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).id().value();
            if (expectedLastMessageId.isPresent() && expectedLastMessageId.getAsLong() != last) {
                return new AppendResult.LastMessageDiffers(last);
            }
            var created = messages.stream()
                    .map(m -> new ChatMessage(new MessageId(ids.incrementAndGet()), chatId, user, m.content(), m.actor(), at))
                    .toList();
            key.ifPresent(k -> keys.record(k, created));
            stored.addAll(created);
            return new AppendResult.Appended(created);
        }

        @Override
        public Optional<RecordedKey> findRecordedKey(UserId user, IdempotencyKey key) {
            return keys.findRecordedKey(user, key);
        }

        @Override
        public boolean forgetExpiredKey(UserId user, IdempotencyKey key, Instant now) {
            return keys.forgetExpiredKey(user, key, now);
        }
    }
}
