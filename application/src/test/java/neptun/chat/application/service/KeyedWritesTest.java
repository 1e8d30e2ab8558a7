package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.Idempotency;
import neptun.chat.application.port.in.IdempotencyKeyInUseException;
import neptun.chat.application.port.in.IdempotencyKeyReusedException;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.RequestFingerprint;
import neptun.chat.application.port.out.KeyAlreadyRecordedException;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RecordedKeysPort;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.application.service.CreateMessagesServiceTest.InMemoryMessages;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rule of idempotency keys, through the use case that appends messages and on its own. */
class KeyedWritesTest {
    private static final ChatId CHAT = new ChatId(123);
    private static final IdempotencyKey KEY = new IdempotencyKey("8e03978e-40d5");
    private static final Duration TTL = Duration.ofHours(1);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-20T10:00:00Z"));
    private final InMemoryMessages store = new InMemoryMessages(ADA, CHAT);
    private final CreateMessagesService service = new CreateMessagesService(store, clock, MessageLimits.DEFAULT, new KeyRetention(TTL));

    private static CreateMessagesCommand append(String... contents) {
        return CreateMessagesCommand.of(ADA, CHAT, List.of(contents).stream().map(c -> new MessageInput(c, "user")).toList());
    }

    @Nested
    class Repeats {
        @Test
        void answerWithTheFirstResultAndStoreNothingAgain() {
            Outcome<List<ChatMessage>> first = service.createOnce(append("hello").withIdempotencyKey(KEY));
            clock.advance(Duration.ofMinutes(5));
            Outcome<List<ChatMessage>> repeat = service.createOnce(append("hello").withIdempotencyKey(KEY));

            assertThat(first.replayed()).isFalse();
            assertThat(repeat.replayed()).isTrue();
            assertThat(repeat.result()).isEqualTo(first.result());
            assertThat(store.stored).containsExactlyElementsOf(first.result());
        }

        @Test
        void answerTheSameThroughThePlainMethod() {
            List<ChatMessage> first = service.create(append("hello").withIdempotencyKey(KEY));
            assertThat(service.create(append("hello").withIdempotencyKey(KEY))).isEqualTo(first);
            assertThat(store.stored).hasSize(1);
        }

        @Test
        void replayEvenWhenTheRepeatItselfWouldBeRefused() {
            var conditional = append("answer").ifLastMessageIs(0).withIdempotencyKey(KEY);
            var first = service.createOnce(conditional);

            // The first run made the chat's newest message differ from what the command expects.
            var repeat = service.createOnce(conditional);

            assertThat(repeat).isEqualTo(Outcome.replayed(first.result()));
            assertThat(store.stored).hasSize(1);
        }

        @Test
        void needNoLookupOnAFirstRunOrWithoutAKey() {
            service.create(append("one").withIdempotencyKey(KEY));
            service.create(append("two"));
            assertThat(store.keys.lookups).isZero();
        }
    }

    @Nested
    class Reuse {
        @Test
        void ofAKeyForAnotherRequestIsRefusedAndStoresNothing() {
            service.create(append("hello").withIdempotencyKey(KEY));

            assertThatThrownBy(() -> service.create(append("something else").withIdempotencyKey(KEY)))
                    .isInstanceOf(IdempotencyKeyReusedException.class)
                    .hasMessage("The idempotency key was used for another request");
            assertThat(store.stored).hasSize(1);
        }

        @Test
        void isTheAnswerAlsoWhenTheOtherRequestWouldBeRefused() {
            service.create(append("hello").withIdempotencyKey(KEY));

            assertThatThrownBy(() -> service.create(append("   ").withIdempotencyKey(KEY)))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
            assertThatThrownBy(() -> service.create(CreateMessagesCommand.of(ADA, new ChatId(999), List.of(new MessageInput("x", "user")))
                    .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReusedException.class);
        }

        @Test
        void isJudgedByTheCallersOwnFingerprintWhenItGivesOne() {
            var fingerprint = RequestFingerprint.of("POST", "/chats/123/messages", "{\"message\":\"hello\"}");
            service.create(append("hello").withIdempotency(new Idempotency(KEY, fingerprint)));

            assertThat(service.createOnce(append("hello").withIdempotency(new Idempotency(KEY, fingerprint))).replayed()).isTrue();
            assertThatThrownBy(() -> service.create(append("hello").withIdempotencyKey(KEY)))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }
    }

    @Nested
    class Refusals {
        @Test
        void ofAFirstRunStandAndRecordNoKey() {
            assertThatThrownBy(() -> service.create(append(" ").withIdempotencyKey(KEY))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> service.create(append("stale").ifLastMessageIs(7).withIdempotencyKey(KEY)))
                    .isInstanceOf(LastMessageChangedException.class);
            assertThatThrownBy(() -> service.create(new CreateMessagesCommand(BOB, ADA, CHAT, List.of(new MessageInput("x", "user")))
                    .withIdempotencyKey(KEY))).isInstanceOf(ChatNotFoundException.class);

            assertThat(store.keys.recorded).isEmpty();
            var retry = service.createOnce(append("hello").withIdempotencyKey(KEY));
            assertThat(retry.replayed()).isFalse();
            assertThat(store.stored).hasSize(1);
        }
    }

    @Nested
    class Expiry {
        @Test
        void makesAKeyNewAgain() {
            service.create(append("hello").withIdempotencyKey(KEY));
            clock.advance(TTL);

            var again = service.createOnce(append("something else").withIdempotencyKey(KEY));

            assertThat(again.replayed()).isFalse();
            assertThat(store.stored).extracting(m -> m.content().value()).containsExactly("hello", "something else");
            assertThat(service.createOnce(append("something else").withIdempotencyKey(KEY)).replayed()).isTrue();
        }

        @Test
        void comesOnlyWhenTheTimeIsUp() {
            service.create(append("hello").withIdempotencyKey(KEY));
            clock.advance(TTL.minusNanos(1_000));

            assertThat(service.createOnce(append("hello").withIdempotencyKey(KEY)).replayed()).isTrue();
        }

        @Test
        void leavesARefusalOfANewKeyStanding() {
            service.create(append("hello").withIdempotencyKey(KEY));
            clock.advance(TTL);

            assertThatThrownBy(() -> service.create(append(" ").withIdempotencyKey(KEY))).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class OnItsOwn {
        private final InMemoryKeys keys = new InMemoryKeys();
        private final KeyedWrites writes = new KeyedWrites(keys, new KeyRetention(TTL));
        private final Instant now = Instant.parse("2026-03-20T10:00:00Z");
        private final List<String> effects = new ArrayList<>();
        private final Idempotency request = new Idempotency(KEY, RequestFingerprint.of("request"));

        private Outcome<String> write(neptun.chat.domain.UserId user, String result) {
            return writes.run(Optional.of(request), user, now, new StoredResultsTest.TextForm(), key -> {
                key.ifPresent(k -> keys.record(k, result));
                effects.add(user + ": " + result);
                return result;
            });
        }

        @Test
        void keepsTheKeysOfEachUserApart() {
            assertThat(write(ADA, "ada's")).isEqualTo(Outcome.fresh("ada's"));
            assertThat(write(BOB, "bob's")).isEqualTo(Outcome.fresh("bob's"));
            assertThat(write(ADA, "again")).isEqualTo(Outcome.replayed("ada's"));
            assertThat(effects).containsExactly("ada: ada's", "bob: bob's");
        }

        @Test
        void recordsTheKeyWithItsTimes() {
            write(ADA, "result");
            assertThat(keys.recorded.values()).singleElement().satisfies(recorded -> {
                assertThat(recorded.recordedAt()).isEqualTo(now);
                assertThat(recorded.expiresAt()).isEqualTo(now.plus(TTL));
                assertThat(recorded.fingerprint()).isEqualTo(request.fingerprint());
            });
        }

        @Test
        void answersInUseWhenTheKeyIsTakenByNothingCommitted() {
            assertThatThrownBy(() -> writes.run(Optional.of(request), ADA, now, new StoredResultsTest.TextForm(), key -> {
                throw new KeyAlreadyRecordedException(null);
            })).isInstanceOf(IdempotencyKeyInUseException.class);
        }

        @Test
        void runsAgainWhenTheKeyInTheWayIsGoneMeanwhile() {
            // e.g. an expired key that the background purge deleted between the write and the lookup
            List<String> runs = new ArrayList<>();
            Outcome<String> outcome = writes.run(Optional.of(request), ADA, now, new StoredResultsTest.TextForm(), key -> {
                runs.add("run");
                if (runs.size() == 1) {
                    throw new KeyAlreadyRecordedException(null);
                }
                key.ifPresent(k -> keys.record(k, "second"));
                return "second";
            });

            assertThat(outcome).isEqualTo(Outcome.fresh("second"));
            assertThat(runs).hasSize(2);
        }

        @Test
        void runsAWriteWithoutKeyAsItIs() {
            assertThat(writes.run(Optional.empty(), ADA, now, new StoredResultsTest.TextForm(), key -> {
                assertThat(key).isEmpty();
                return "plain";
            })).isEqualTo(Outcome.fresh("plain"));
            assertThat(keys.lookups).isZero();
        }
    }

    @Nested
    class EveryWrite {
        private final InMemoryKeys keys = new InMemoryKeys();
        private final List<String> effects = new ArrayList<>();
        private final Chat chat = ChatFixtures.aChat(CHAT, ADA);

        /** Each fake records the key before its effect, as the real stores do it in one transaction. */
        private <R> R effect(Optional<KeyRecord<R>> key, R result, String what) {
            key.ifPresent(k -> keys.record(k, result));
            effects.add(what);
            return result;
        }

        private abstract class Keys implements RecordedKeysPort {
            @Override
            public Optional<RecordedKey> findRecordedKey(neptun.chat.domain.UserId user, IdempotencyKey key) {
                return keys.findRecordedKey(user, key);
            }

            @Override
            public boolean forgetExpiredKey(neptun.chat.domain.UserId user, IdempotencyKey key, Instant now) {
                return keys.forgetExpiredKey(user, key, now);
            }
        }

        @Test
        void createsAChatOnce() {
            class Chats extends Keys implements SaveChatPort {
                @Override
                public Optional<Chat> insertChat(neptun.chat.domain.UserId owner, String name, Optional<String> model, Instant at) {
                    throw new AssertionError("the service inserts with its key");
                }

                @Override
                public Optional<Chat> insertChat(neptun.chat.domain.UserId owner, String name, Optional<String> model, Instant at,
                                                 Optional<KeyRecord<Chat>> key) {
                    return Optional.of(effect(key, new Chat(new ChatId(effects.size() + 1), owner, name, model, at, at), "insert"));
                }
            }
            var service = new CreateChatService(new Chats(), clock, new KeyRetention(TTL));

            var first = service.createOnce(CreateChatCommand.of(ADA, "Trip").withIdempotencyKey(KEY));
            clock.advance(Duration.ofSeconds(1));
            assertThat(service.createOnce(CreateChatCommand.of(ADA, "Trip").withIdempotencyKey(KEY))).isEqualTo(Outcome.replayed(first.result()));
            assertThat(effects).containsExactly("insert");
        }

        @Test
        void renamesAChatOnce() {
            class Chats extends Keys implements RenameChatPort {
                @Override
                public Optional<Chat> renameChat(neptun.chat.domain.UserId owner, ChatId id, String name, Optional<String> model, Instant at) {
                    throw new AssertionError("the service renames with its key");
                }

                @Override
                public Optional<Chat> renameChat(neptun.chat.domain.UserId owner, ChatId id, String name, Optional<String> model,
                                                 Instant at, Optional<KeyRecord<Chat>> key) {
                    return Optional.of(effect(key, new Chat(id, owner, name, model, chat.createdAt(), at), "rename"));
                }
            }
            var service = new RenameChatService(new Chats(), clock, new KeyRetention(TTL));

            var first = service.renameOnce(RenameChatCommand.of(ADA, CHAT, "Tokyo").withIdempotencyKey(KEY));
            clock.advance(Duration.ofSeconds(1));
            assertThat(service.renameOnce(RenameChatCommand.of(ADA, CHAT, "Tokyo").withIdempotencyKey(KEY))).isEqualTo(Outcome.replayed(first.result()));
            assertThat(effects).containsExactly("rename");
        }

        @Test
        void deletesAChatOnceAndReplaysAfterItIsGone() {
            class Chats extends Keys implements DeleteChatPort {
                @Override
                public Optional<Chat> deleteChat(neptun.chat.domain.UserId owner, ChatId id) {
                    throw new AssertionError("the service deletes with its key");
                }

                @Override
                public Optional<Chat> deleteChat(neptun.chat.domain.UserId owner, ChatId id, Optional<KeyRecord<Chat>> key) {
                    return effects.isEmpty() ? Optional.of(effect(key, chat, "delete")) : Optional.empty();
                }
            }
            var service = new DeleteChatService(new Chats(), clock, new KeyRetention(TTL));

            assertThat(service.deleteOnce(DeleteChatCommand.of(ADA, CHAT).withIdempotencyKey(KEY))).isEqualTo(Outcome.fresh(chat));
            assertThat(service.deleteOnce(DeleteChatCommand.of(ADA, CHAT).withIdempotencyKey(KEY))).isEqualTo(Outcome.replayed(chat));
            assertThatThrownBy(() -> service.delete(DeleteChatCommand.of(ADA, CHAT))).isInstanceOf(ChatNotFoundException.class);
        }

        @Test
        void removesOneMessageForAnyNumberOfRepeats() {
            List<ChatMessage> messages = new ArrayList<>(List.of(
                    ChatFixtures.aMessage(1, chat, "question", Actor.USER), ChatFixtures.aMessage(2, chat, "answer", Actor.ASSISTANT)));
            class Messages extends Keys implements RemoveLastMessagePort {
                @Override
                public Removal removeLastMessage(neptun.chat.domain.UserId owner, ChatId id) {
                    throw new AssertionError("the service removes with its key");
                }

                @Override
                public Removal removeLastMessage(neptun.chat.domain.UserId owner, ChatId id, OptionalLong expected,
                                                 Optional<KeyRecord<ChatMessage>> key) {
                    ChatMessage last = messages.get(messages.size() - 1);
                    effect(key, last, "remove " + last.id().value());
                    messages.remove(last);
                    return new Removal.Removed(last);
                }
            }
            var service = new RemoveLastMessageService(new Messages(), clock, new KeyRetention(TTL));

            var first = service.removeOnce(RemoveLastMessageCommand.of(ADA, CHAT).withIdempotencyKey(KEY));
            var second = service.removeOnce(RemoveLastMessageCommand.of(ADA, CHAT).withIdempotencyKey(KEY));
            var third = service.removeOnce(RemoveLastMessageCommand.of(ADA, CHAT).withIdempotencyKey(KEY));

            assertThat(first.result().id().value()).isEqualTo(2);
            assertThat(List.of(second, third)).containsOnly(Outcome.replayed(first.result()));
            assertThat(effects).containsExactly("remove 2");
            assertThat(messages).hasSize(1);
        }
    }

    /** A clock tests move forward by hand. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
