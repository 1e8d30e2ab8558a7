package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.adapters.persistence.testing.TestJdbi;
import neptun.chat.application.port.in.RequestFingerprint;
import neptun.chat.application.port.out.KeyAlreadyRecordedException;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RemoveLastMessagePort.Removal;
import neptun.chat.application.port.out.SaveMessagesPort.AppendResult;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the adapters promise about idempotency keys and conditional writes, on any database: a key is recorded
 * with its write's effect or not at all, a key recorded already stops the write, keys belong to their user,
 * expired keys are deleted in bounded batches, and conditional writes of one chat take turns. Each subclass
 * supplies a fresh database; each test works with users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdempotencyKeysContract {
    static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    static final Duration TTL = Duration.ofHours(24);

    TestDatabase database;
    Jdbi jdbi;
    JdbiPersistence persistence;
    JdbiMessages messages;
    JdbiChats chats;
    JdbiIdempotencyKeys keys;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void migrateFreshDatabase() {
        database = openDatabase();
        DatabaseMigrations.migrate(database.dataSource());
        jdbi = TestJdbi.create(database);
        persistence = new JdbiPersistence(jdbi);
        messages = persistence.messages();
        chats = persistence.chats();
        keys = persistence.idempotencyKeys();
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    // --- recording keys with their writes

    @Test
    void recordsAKeyWithTheMessagesItAppended() {
        var user = registeredUser();
        var chat = chatOf(user);
        var key = keyRecord(user, "k1", "request", T0);

        var stored = appended(messages.appendMessages(user, chat, batch("a", "b"), T0, OptionalLong.empty(), Optional.of(key)));

        assertThat(keys.findRecordedKey(user, key.key())).contains(
                new RecordedKey(key.fingerprint(), idsOf(stored), T0, T0.plus(TTL)));
        assertThat(countMessagesOf(chat)).isEqualTo(2);
    }

    @Test
    void refusesToRecordAKeyTwiceAndStoresNothingWithTheSecond() {
        var user = registeredUser();
        var chat = chatOf(user);
        messages.appendMessages(user, chat, batch("first"), T0, OptionalLong.empty(), Optional.of(keyRecord(user, "k", "one", T0)));

        assertThatThrownBy(() -> messages.appendMessages(user, chat, batch("second"), T0, OptionalLong.empty(),
                Optional.of(keyRecord(user, "k", "two", T0)))).isInstanceOf(KeyAlreadyRecordedException.class);

        assertThat(countMessagesOf(chat)).isOne();
        assertThat(keys.findRecordedKey(user, new IdempotencyKey("k"))).map(RecordedKey::fingerprint)
                .contains(RequestFingerprint.of("one"));
    }

    @Test
    void keepsTheKeysOfEachUserApart() {
        var ada = registeredUser();
        var bob = registeredUser();
        var adasChat = chatOf(ada);
        var bobsChat = chatOf(bob);

        messages.appendMessages(ada, adasChat, batch("ada"), T0, OptionalLong.empty(), Optional.of(keyRecord(ada, "same", "ada's", T0)));
        messages.appendMessages(bob, bobsChat, batch("bob"), T0, OptionalLong.empty(), Optional.of(keyRecord(bob, "same", "bob's", T0)));

        assertThat(keys.findRecordedKey(ada, new IdempotencyKey("same"))).map(RecordedKey::fingerprint).contains(RequestFingerprint.of("ada's"));
        assertThat(keys.findRecordedKey(bob, new IdempotencyKey("same"))).map(RecordedKey::fingerprint).contains(RequestFingerprint.of("bob's"));
        assertThat(keys.findRecordedKey(registeredUser(), new IdempotencyKey("same"))).isEmpty();
    }

    @Test
    void recordsNoKeyForAWriteThatStoresNothing() {
        var owner = registeredUser();
        var intruder = registeredUser();
        var chat = chatOf(owner);

        assertThat(messages.appendMessages(intruder, chat, batch("planted"), T0, OptionalLong.empty(),
                Optional.of(keyRecord(intruder, "k", "append", T0)))).isEqualTo(new AppendResult.NoSuchChat());
        assertThat(chats.insertChat(new UserId("not-registered-" + UUID.randomUUID()), "x", Optional.empty(), T0,
                Optional.of(chatKey(intruder, "k2", T0)))).isEmpty();
        assertThat(chats.renameChat(intruder, chat, "stolen", Optional.empty(), T0, Optional.of(chatKey(intruder, "k3", T0)))).isEmpty();
        assertThat(chats.deleteChat(intruder, chat, Optional.of(chatKey(intruder, "k4", T0)))).isEmpty();
        assertThat(messages.removeLastMessage(intruder, chat, OptionalLong.empty(), Optional.of(messageKey(intruder, "k5", T0))))
                .isEqualTo(new Removal.NoSuchChat());

        assertThat(List.of("k", "k2", "k3", "k4", "k5")).allSatisfy(k ->
                assertThat(keys.findRecordedKey(intruder, new IdempotencyKey(k))).isEmpty());
    }

    @Test
    void recordsKeysWithEveryWriteOfAChat() {
        var user = registeredUser();
        Chat created = chats.insertChat(user, "draft", Optional.empty(), T0, Optional.of(chatKey(user, "create", T0))).orElseThrow();
        Chat renamed = chats.renameChat(user, created.id(), "final", Optional.of("gpt-4o"), T0.plusSeconds(1),
                Optional.of(chatKey(user, "rename", T0))).orElseThrow();
        appended(messages.appendMessages(user, created.id(), batch("q", "a"), T0, OptionalLong.empty(), Optional.empty()));
        var removal = messages.removeLastMessage(user, created.id(), OptionalLong.empty(), Optional.of(messageKey(user, "remove", T0)));
        Chat deleted = chats.deleteChat(user, created.id(), Optional.of(chatKey(user, "delete", T0))).orElseThrow();

        assertThat(resultOf(user, "create")).isEqualTo("chat " + created.name() + " " + created.id());
        assertThat(resultOf(user, "rename")).isEqualTo("chat final " + renamed.id());
        assertThat(removal).isInstanceOfSatisfying(Removal.Removed.class, removed ->
                assertThat(resultOf(user, "remove")).isEqualTo("message a " + removed.message().id().value()));
        assertThat(resultOf(user, "delete")).isEqualTo("chat final " + deleted.id());
    }

    @Test
    void undoesEveryWriteOfAChatWhoseKeyIsRecordedAlready() {
        var user = registeredUser();
        var chat = chatOf(user);
        appended(messages.appendMessages(user, chat, batch("q", "a"), T0, OptionalLong.empty(), Optional.of(keyRecord(user, "taken", "x", T0))));

        assertThatThrownBy(() -> chats.insertChat(user, "second", Optional.empty(), T0, Optional.of(chatKey(user, "taken", T0))))
                .isInstanceOf(KeyAlreadyRecordedException.class);
        assertThatThrownBy(() -> chats.renameChat(user, chat, "renamed", Optional.empty(), T0.plusSeconds(5), Optional.of(chatKey(user, "taken", T0))))
                .isInstanceOf(KeyAlreadyRecordedException.class);
        assertThatThrownBy(() -> messages.removeLastMessage(user, chat, OptionalLong.empty(), Optional.of(messageKey(user, "taken", T0))))
                .isInstanceOf(KeyAlreadyRecordedException.class);
        assertThatThrownBy(() -> messages.removeLastMessage(user, chat, OptionalLong.of(lastIdOf(chat)), Optional.of(messageKey(user, "taken", T0))))
                .isInstanceOf(KeyAlreadyRecordedException.class);
        assertThatThrownBy(() -> messages.appendMessages(user, chat, batch("more"), T0, OptionalLong.of(lastIdOf(chat)),
                Optional.of(keyRecord(user, "taken", "y", T0)))).isInstanceOf(KeyAlreadyRecordedException.class);
        assertThatThrownBy(() -> chats.deleteChat(user, chat, Optional.of(chatKey(user, "taken", T0))))
                .isInstanceOf(KeyAlreadyRecordedException.class);

        List<String> names = jdbi.withHandle(h -> h.createQuery("select name from chats where user_id = :u order by id")
                .bind("u", user.value()).mapTo(String.class).list());
        assertThat(names).containsExactly("a chat");
        assertThat(countMessagesOf(chat)).isEqualTo(2);
    }

    @Test
    void refusesKeyRowsThatBreakTheNamedConstraints() {
        var user = registeredUser();
        String insert = "insert into idempotency_keys (user_id, idempotency_key, fingerprint, result, created_at, expires_at) "
                + "values (?, ?, 'f', 'r', ?, ?)";
        Instant later = T0.plusSeconds(1);

        assertRefusedBy("idempotency_keys_key_length", insert, user.value(), "", T0, later);
        assertRefusedBy("idempotency_keys_key_length", insert, user.value(), "k".repeat(256), T0, later);
        assertRefusedBy("idempotency_keys_expire_after_creation", insert, user.value(), "k", T0, T0);
        assertRefusedBy("idempotency_keys_user_fkey", insert, "nobody-" + UUID.randomUUID(), "k", T0, later);
        jdbi.useHandle(h -> h.execute(insert, user.value(), "k".repeat(255), T0, later));
        assertRefusedBy("idempotency_keys_pkey", insert, user.value(), "k".repeat(255), T0, later);
    }

    void assertRefusedBy(String constraint, String sql, Object... arguments) {
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(sql, arguments)))
                .as(constraint)
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining(constraint);
    }

    // --- keys of appends written together

    @Test
    void recordsTheKeysOfAGroupWithItsMessagesOrNoneOfThem() throws Exception {
        var user = registeredUser();
        var chat = chatOf(user);
        var one = new AppendMessagesStatement.Append(user, chat, List.of(message("one")), T0,
                keyRecord(user, "g1", "one", T0));
        var two = new AppendMessagesStatement.Append(user, chat, List.of(message("two")), T0,
                keyRecord(user, "g2", "two", T0));
        var duplicate = new AppendMessagesStatement.Append(user, chat, List.of(message("three")), T0,
                keyRecord(user, "g1", "three", T0));

        assertThatThrownBy(() -> jdbi.inTransaction(h -> GroupCommit.executeGroupRecordingKeys(h.getConnection(), List.of(one, two, duplicate))))
                .satisfies(e -> assertThat(SqlStates.isRefusalOfData(e)).as("a refusal of data, so the group is written again one by one").isTrue());
        assertThat(countMessagesOf(chat)).isZero();
        assertThat(keys.findRecordedKey(user, new IdempotencyKey("g1"))).isEmpty();

        var ids = jdbi.inTransaction(h -> GroupCommit.executeGroupRecordingKeys(h.getConnection(), List.of(one, two)));
        assertThat(resultOf(user, "g1")).isEqualTo("ids " + ids.get(0).get(0));
        assertThat(resultOf(user, "g2")).isEqualTo("ids " + ids.get(1).get(0));
    }

    @Test
    void letsEachOfConcurrentAppendsKeepItsOwnKeyAndFailsOnlyTheDuplicates() throws Exception {
        var groupCommit = new GroupCommit(jdbi, new JdbiPersistence.Writers(1, 1), java.time.Duration.ofSeconds(60), GroupCommitListener.NONE); // one writer: appends queue and share statements
        var grouping = new JdbiMessages(jdbi, groupCommit, keys);
        var user = registeredUser();
        var chat = chatOf(user);
        int callers = 12;
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<String> outcomes = new ArrayList<>();
        try {
            var barrier = new CyclicBarrier(callers);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                results.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        barrier.await();
                        // Callers 0 and 1 share a key each round; every other caller has keys of its own.
                        String key = caller < 2 ? "shared-" + round : "own-" + caller + "-" + round;
                        try {
                            appended(grouping.appendMessages(user, chat, batch(caller + "/" + round), T0, OptionalLong.empty(),
                                    Optional.of(keyRecord(user, key, "caller " + caller, T0))));
                            mine.add("stored " + key);
                        } catch (KeyAlreadyRecordedException taken) {
                            mine.add("taken " + key);
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> result : results) {
                outcomes.addAll(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        for (int round = 0; round < rounds; round++) {
            assertThat(outcomes).containsOnlyOnce("stored shared-" + round).containsOnlyOnce("taken shared-" + round);
        }
        assertThat(outcomes.stream().filter(o -> o.startsWith("taken own-"))).isEmpty();
        assertThat(countMessagesOf(chat)).isEqualTo((callers - 1) * rounds);
        int recorded = jdbi.withHandle(h -> h.createQuery("select count(*) from idempotency_keys where user_id = :u")
                .bind("u", user.value()).mapTo(Integer.class).one());
        assertThat(recorded).isEqualTo((callers - 1) * rounds);
        assertThat(groupCommit.appendsWrittenInGroups()).as("appends that shared a statement").isPositive();
    }

    // --- expiry

    @Test
    void findsExpiredKeysAndForgetsAKeyOnlyOnceItHasExpired() {
        var user = registeredUser();
        var chat = chatOf(user);
        var key = keyRecord(user, "expiring", "x", T0);
        messages.appendMessages(user, chat, batch("m"), T0, OptionalLong.empty(), Optional.of(key));
        Instant expiry = T0.plus(TTL);

        assertThat(keys.forgetExpiredKey(user, key.key(), expiry.minusNanos(1_000))).isFalse();
        assertThat(keys.findRecordedKey(user, key.key())).isPresent();
        assertThat(keys.forgetExpiredKey(user, key.key(), expiry)).isTrue();
        assertThat(keys.findRecordedKey(user, key.key())).isEmpty();
        assertThat(countMessagesOf(chat)).as("the messages stay").isOne();
    }

    @Test
    void forgetsExpiredKeysInBoundedBatchesAndKeepsLiveOnes() {
        Instant past = Instant.parse("1990-01-01T00:00:00Z");
        var user = registeredUser();
        var chat = chatOf(user);
        for (int i = 0; i < 25; i++) {
            messages.appendMessages(user, chat, batch("old " + i), past, OptionalLong.empty(), Optional.of(keyRecord(user, "old-" + i, "x", past)));
        }
        for (int i = 0; i < 5; i++) {
            messages.appendMessages(user, chat, batch("new " + i), T0, OptionalLong.empty(), Optional.of(keyRecord(user, "new-" + i, "x", T0)));
        }
        // Other tests' keys in this database expired long before T0 too; counting only from this moment on.
        while (keys.forgetExpiredKeys(past.plus(TTL), 1_000) > 0) {
            // the first 25 are gone now, nothing else expired by then
        }
        assertThat(countKeysOf(user)).isEqualTo(5);

        for (int i = 0; i < 25; i++) {
            messages.appendMessages(user, chat, batch("old again " + i), past, OptionalLong.empty(),
                    Optional.of(keyRecord(user, "again-" + i, "x", past)));
        }
        assertThat(keys.forgetExpiredKeys(past.plus(TTL), 10)).isEqualTo(10);
        assertThat(keys.forgetExpiredKeys(past.plus(TTL), 10)).isEqualTo(10);
        assertThat(keys.forgetExpiredKeys(past.plus(TTL), 10)).isEqualTo(5);
        assertThat(keys.forgetExpiredKeys(past.plus(TTL), 10)).isZero();
        assertThat(countKeysOf(user)).isEqualTo(5);
    }

    // --- conditional writes

    @Test
    void appendsOnlyIfTheNewestMessageIsTheExpectedOne() {
        var user = registeredUser();
        var chat = chatOf(user);

        var first = appended(messages.appendMessages(user, chat, batch("first"), T0, OptionalLong.of(0), Optional.empty()));
        long last = first.get(0).id().value();
        assertThat(messages.appendMessages(user, chat, batch("stale"), T0, OptionalLong.of(0), Optional.empty()))
                .isEqualTo(new AppendResult.LastMessageDiffers(last));
        assertThat(messages.appendMessages(user, chat, batch("stale"), T0, OptionalLong.of(last + 1_000), Optional.empty()))
                .isEqualTo(new AppendResult.LastMessageDiffers(last));
        var second = appended(messages.appendMessages(user, chat, batch("second", "third"), T0, OptionalLong.of(last), Optional.empty()));

        assertThat(second).extracting(m -> m.content().value()).containsExactly("second", "third");
        assertThat(countMessagesOf(chat)).isEqualTo(3);
        assertThat(messages.appendMessages(registeredUser(), chat, batch("x"), T0, OptionalLong.of(0), Optional.empty()))
                .isEqualTo(new AppendResult.NoSuchChat());
    }

    @Test
    void removesOnlyIfTheNewestMessageIsTheExpectedOne() {
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = appended(messages.appendMessages(user, chat, batch("q", "a"), T0, OptionalLong.empty(), Optional.empty()));
        long first = stored.get(0).id().value();
        long last = stored.get(1).id().value();

        assertThat(messages.removeLastMessage(user, chat, OptionalLong.of(first), Optional.empty()))
                .isEqualTo(new Removal.LastMessageDiffers(last));
        assertThat(messages.removeLastMessage(user, chat, OptionalLong.of(last), Optional.empty()))
                .isEqualTo(new Removal.Removed(stored.get(1)));
        assertThat(messages.removeLastMessage(user, chat, OptionalLong.of(first), Optional.empty()))
                .isEqualTo(new Removal.Removed(stored.get(0)));
        assertThat(messages.removeLastMessage(user, chat, OptionalLong.of(first), Optional.empty()))
                .isEqualTo(new Removal.LastMessageDiffers(0));
        assertThat(messages.removeLastMessage(user, chat, OptionalLong.of(0), Optional.empty())).isEqualTo(new Removal.ChatIsEmpty());
        assertThat(messages.removeLastMessage(registeredUser(), chat, OptionalLong.of(0), Optional.empty())).isEqualTo(new Removal.NoSuchChat());
    }

    @Test
    void letsExactlyOneOfTwoConcurrentAppendsExpectingTheSameNewestMessageStore() throws Exception {
        var user = registeredUser();
        var chat = chatOf(user);
        for (int round = 0; round < 15; round++) {
            long last = lastIdOf(chat);
            List<AppendResult> results = concurrently(2, caller ->
                    ownMessages().appendMessages(user, chat, batch("caller " + caller), T0, OptionalLong.of(last), Optional.empty()));

            assertThat(results).filteredOn(AppendResult.Appended.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(AppendResult.LastMessageDiffers.class::isInstance).hasSize(1);
        }
        assertThat(countMessagesOf(chat)).isEqualTo(15);
    }

    @Test
    void letsExactlyOneOfTwoConcurrentRemovalsExpectingTheSameNewestMessageRemove() throws Exception {
        var user = registeredUser();
        var chat = chatOf(user);
        appended(messages.appendMessages(user, chat, IntStream.range(0, 10).mapToObj(i -> message("m" + i)).toList(), T0,
                OptionalLong.empty(), Optional.empty()));
        for (int round = 0; round < 5; round++) {
            long last = lastIdOf(chat);
            List<Removal> results = concurrently(2, caller -> ownMessages().removeLastMessage(user, chat, OptionalLong.of(last), Optional.empty()));

            assertThat(results).filteredOn(Removal.Removed.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Removal.LastMessageDiffers.class::isInstance).hasSize(1);
        }
        assertThat(countMessagesOf(chat)).isEqualTo(5);
    }

    @Test
    void holdsARemovalBackWhileAConditionalWriteOfItsChatIsInFlight() throws Exception {
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = appended(messages.appendMessages(user, chat, batch("q", "a"), T0, OptionalLong.empty(), Optional.empty()));
        ExecutorService remover = Executors.newSingleThreadExecutor();
        try (var conditional = jdbi.open()) {
            conditional.begin();
            assertThat(conditional.attach(ChatDao.class).lockOwned(user.value(), chat.value())).isPresent();

            Future<Removal> removal = remover.submit(() -> ownMessages().removeLastMessage(user, chat));
            Thread.sleep(300);
            assertThat(removal).as("a removal waits for the chat's lock").isNotDone();
            conditional.commit();

            assertThat(removal.get(10, TimeUnit.SECONDS)).isEqualTo(new Removal.Removed(stored.get(1)));
        } finally {
            remover.shutdownNow();
        }
    }

    // --- helpers

    /** A key whose stored form of messages is their ids: "ids 1 2 3". */
    static KeyRecord<List<ChatMessage>> keyRecord(UserId user, String key, String request, Instant at) {
        return new KeyRecord<>(user, new IdempotencyKey(key), RequestFingerprint.of(request), at, at.plus(TTL), IdempotencyKeysContract::idsOf);
    }

    static KeyRecord<Chat> chatKey(UserId user, String key, Instant at) {
        return new KeyRecord<>(user, new IdempotencyKey(key), RequestFingerprint.of(key), at, at.plus(TTL),
                chat -> "chat " + chat.name() + " " + chat.id());
    }

    static KeyRecord<ChatMessage> messageKey(UserId user, String key, Instant at) {
        return new KeyRecord<>(user, new IdempotencyKey(key), RequestFingerprint.of(key), at, at.plus(TTL),
                message -> "message " + message.content() + " " + message.id().value());
    }

    static String idsOf(List<ChatMessage> messages) {
        return "ids " + messages.stream().map(m -> Long.toString(m.id().value())).collect(Collectors.joining(" "));
    }

    static List<ChatMessage> appended(AppendResult result) {
        assertThat(result).isInstanceOf(AppendResult.Appended.class);
        return ((AppendResult.Appended) result).messages();
    }

    static List<NewMessage> batch(String... contents) {
        return java.util.Arrays.stream(contents).map(IdempotencyKeysContract::message).toList();
    }

    static NewMessage message(String content) {
        return new NewMessage(new MessageContent(content), Actor.USER);
    }

    /** Adapters of their own, on connections of their own, so that concurrent calls meet in the database. */
    JdbiMessages ownMessages() {
        return new JdbiPersistence(TestJdbi.create(database)).messages();
    }

    @FunctionalInterface
    interface Call<T> {
        T run(int caller) throws Exception;
    }

    static <T> List<T> concurrently(int callers, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var barrier = new CyclicBarrier(callers);
            List<Future<T>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return call.run(caller);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    String resultOf(UserId user, String key) {
        return keys.findRecordedKey(user, new IdempotencyKey(key)).orElseThrow().resultText();
    }

    UserId registeredUser() {
        var user = new UserId("user-" + UUID.randomUUID());
        persistence.users().saveUserIfAbsent(user);
        return user;
    }

    ChatId chatOf(UserId owner) {
        return chats.insertChat(owner, "a chat", Optional.empty(), T0).orElseThrow().id();
    }

    long lastIdOf(ChatId chat) {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) from messages where chat_id = :chat")
                .bind("chat", chat.value()).mapTo(Long.class).one());
    }

    int countMessagesOf(ChatId chat) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from messages where chat_id = :chat")
                .bind("chat", chat.value()).mapTo(Integer.class).one());
    }

    int countKeysOf(UserId user) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from idempotency_keys where user_id = :u")
                .bind("u", user.value()).mapTo(Integer.class).one());
    }
}
