package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.adapters.persistence.testing.TestJdbi;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.Session;
import neptun.chat.domain.SessionToken;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link JdbiChatStore} promises, on any database. Each subclass supplies a fresh database for its run;
 * tests share it but each works with users of its own, so no test sees another's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbiChatStoreContract {
    static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    TestDatabase database;
    Jdbi jdbi;
    JdbiChatStore store;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void migrateFreshDatabase() {
        database = openDatabase();
        DatabaseMigrations.migrate(database.dataSource());
        jdbi = TestJdbi.create(database);
        store = new JdbiChatStore(jdbi);
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    // --- messages

    @Test
    void storesABatchInOrderWithIncreasingIdsAndReturnsWhatIsReadBack() {
        var user = registeredUser();
        var chat = chatOf(user);
        List<NewMessage> batch = IntStream.range(0, 50)
                .mapToObj(i -> message("message " + i, Actor.values()[i % Actor.values().length]))
                .toList();

        List<ChatMessage> stored = store.appendMessages(user, chat, batch, T0).orElseThrow();

        assertThat(stored).extracting(ChatMessage::content).containsExactlyElementsOf(batch.stream().map(NewMessage::content).toList());
        assertThat(stored).extracting(ChatMessage::actor).containsExactlyElementsOf(batch.stream().map(NewMessage::actor).toList());
        assertThat(stored).extracting(m -> m.id().value()).isSorted().doesNotHaveDuplicates();
        assertThat(stored).allSatisfy(m -> {
            assertThat(m.chatId()).isEqualTo(chat);
            assertThat(m.userId()).isEqualTo(user);
            assertThat(m.createdAt()).isEqualTo(T0);
        });
        // Read back in id order: equal element by element proves the ids were assigned in the batch's order.
        assertThat(readMessages(user, chat)).containsExactlyElementsOf(stored);
    }

    @Test
    void givesLaterBatchesGreaterIds() {
        var user = registeredUser();
        var chat = chatOf(user);

        var first = store.appendMessages(user, chat, List.of(message("a", Actor.USER), message("b", Actor.ASSISTANT)), T0).orElseThrow();
        var second = store.appendMessages(user, chat, List.of(message("c", Actor.USER)), T0.plusSeconds(1)).orElseThrow();

        assertThat(second.get(0).id().value()).isGreaterThan(first.get(1).id().value());
        assertThat(readMessages(user, chat)).containsExactly(first.get(0), first.get(1), second.get(0));
    }

    @Test
    void keepsCreatedAtToTheMicrosecond() {
        var user = registeredUser();
        var chat = chatOf(user);
        var instants = List.of(Instant.parse("2024-03-01T10:15:30.000001Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("2038-01-19T03:14:08.5Z"), Instant.parse("2024-10-27T01:30:00.654321Z"));

        for (Instant createdAt : instants) {
            store.appendMessages(user, chat, List.of(message("at " + createdAt, Actor.USER)), createdAt).orElseThrow();
        }

        assertThat(readMessages(user, chat)).extracting(ChatMessage::createdAt).containsExactlyElementsOf(instants);
    }

    @Test
    void cutsCreatedAtToMicrosecondsSoTheAnswerEqualsALaterRead() {
        var user = registeredUser();
        var chat = chatOf(user);
        var withNanos = Instant.parse("2024-03-01T10:15:30.123456999Z");

        var stored = store.appendMessages(user, chat, List.of(message("nanos", Actor.USER)), withNanos).orElseThrow();
        var newChat = store.insertChat(user, "nanos", Optional.empty(), withNanos).orElseThrow();

        assertThat(stored.get(0).createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
        assertThat(readMessages(user, chat)).containsExactlyElementsOf(stored);
        assertThat(newChat.createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
        assertThat(readChat(user, newChat.id())).contains(newChat);
    }

    @Test
    void storesNothingInAnotherUsersChat() {
        var owner = registeredUser();
        var chat = chatOf(owner);
        var intruder = registeredUser();

        var result = store.appendMessages(intruder, chat, List.of(message("hi", Actor.USER), message("there", Actor.USER)), T0);

        assertThat(result).isEmpty();
        assertThat(countMessagesOfChat(chat)).isZero();
    }

    @Test
    void storesNothingInAChatThatDoesNotExist() {
        var user = registeredUser();
        var missing = new ChatId(Long.MAX_VALUE);

        assertThat(store.appendMessages(user, missing, List.of(message("hi", Actor.USER)), T0)).isEmpty();
        assertThat(countMessagesOfChat(missing)).isZero();
    }

    @Test
    void storesNothingWhenOneMessageOfTheBatchFails() {
        var user = registeredUser();
        var chat = chatOf(user);
        // The domain lets no bad row through, so this test adds a rule that the middle message breaks.
        execute("alter table messages add constraint test_refuses_poison check (content <> 'poison')");
        try {
            var batch = List.of(message("fine", Actor.USER), message("poison", Actor.USER), message("also fine", Actor.USER));

            assertThatThrownBy(() -> store.appendMessages(user, chat, batch, T0)).isInstanceOf(JdbiException.class);
        } finally {
            execute("alter table messages drop constraint test_refuses_poison");
        }
        assertThat(countMessagesOfChat(chat)).isZero();
    }

    @Test
    void answersAnEmptyBatchByOwnershipAlone() {
        var owner = registeredUser();
        var chat = chatOf(owner);

        assertThat(store.appendMessages(owner, chat, List.of(), T0)).contains(List.of());
        assertThat(store.appendMessages(registeredUser(), chat, List.of(), T0)).isEmpty();
    }

    @Test
    void storesUnicodeExactly() {
        var user = registeredUser();
        var chat = chatOf(user);
        var texts = List.of(
                "emoji 😀 👩‍👩‍👧‍👦 🇩🇪 👍🏽 ❤️",
                "CJK 漢字かなカナ 한국어 𠀋𡈽 (beyond the BMP)",
                "RTL \u202Bمرحبا بالعالم\u202C שלום עולם \u200F!",
                "combining e\u0301 vs \u00e9, a\u0308\u0304, Z\u0335\u0321\u0317a\u0336\u031b",
                "  leading and trailing spaces, tab\tand newline\nkept  ",
                "x".repeat(100_000),
                "😀".repeat(50_000),
                "漢".repeat(99_999) + "!");

        var stored = store.appendMessages(user, chat, texts.stream().map(t -> message(t, Actor.USER)).toList(), T0).orElseThrow();

        var readBack = readMessages(user, chat);
        assertThat(readBack).containsExactlyElementsOf(stored);
        assertThat(readBack).extracting(m -> m.content().value()).containsExactlyElementsOf(texts);
    }

    @Test
    void deletingAChatDeletesItsMessages() {
        var user = registeredUser();
        var chat = chatOf(user);
        store.appendMessages(user, chat, List.of(message("soon gone", Actor.USER)), T0).orElseThrow();

        jdbi.useHandle(h -> h.execute("delete from chats where user_id = ? and id = ?", user.value(), chat.value()));

        assertThat(countMessagesOfChat(chat)).isZero();
    }

    // --- users

    @Test
    void savesAUserOnce() {
        var user = new UserId("ユーザー 🙂 " + UUID.randomUUID());

        assertThat(store.userExists(user)).isFalse();
        assertThat(store.saveUserIfAbsent(user)).isTrue();
        assertThat(store.saveUserIfAbsent(user)).isFalse();
        assertThat(store.userExists(user)).isTrue();
    }

    @Test
    void letsExactlyOneOfManyConcurrentCallersCreateAUser() throws Exception {
        int callers = 16;
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            // One open connection per caller, so the calls collide in the database rather than while connecting.
            List<JdbiChatStore> stores = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                connections.add(connection);
                stores.add(new JdbiChatStore(Jdbi.create(connection)));
            }
            for (int round = 0; round < 20; round++) {
                var user = new UserId("contended-" + UUID.randomUUID());
                var barrier = new CyclicBarrier(callers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (JdbiChatStore each : stores) {
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return each.saveUserIfAbsent(user);
                    }));
                }
                int created = 0;
                for (Future<Boolean> result : results) {
                    created += result.get() ? 1 : 0;
                }
                assertThat(created).as("callers that created the user in round %d", round).isEqualTo(1);
                assertThat(store.userExists(user)).isTrue();
            }
        } finally {
            pool.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    // --- chats

    @Test
    void insertsAChatForARegisteredUser() {
        var user = registeredUser();

        Chat chat = store.insertChat(user, "Reise nach 東京 ✈️", Optional.of("gpt-4o"), T0).orElseThrow();

        assertThat(chat.id().value()).isPositive();
        assertThat(chat.owner()).isEqualTo(user);
        assertThat(chat.name()).isEqualTo("Reise nach 東京 ✈️");
        assertThat(chat.model()).contains("gpt-4o");
        assertThat(chat.createdAt()).isEqualTo(T0);
        assertThat(chat.updatedAt()).isEqualTo(T0);
        assertThat(readChat(user, chat.id())).contains(chat);
    }

    @Test
    void insertsAChatWithoutModel() {
        var user = registeredUser();

        Chat chat = store.insertChat(user, "untitled", Optional.empty(), T0).orElseThrow();

        assertThat(chat.model()).isEmpty();
        assertThat(readChat(user, chat.id())).contains(chat);
    }

    @Test
    void givesChatsDistinctIncreasingIds() {
        var user = registeredUser();

        var first = chatOf(user);
        var second = chatOf(registeredUser());
        var third = chatOf(user);

        assertThat(List.of(first.value(), second.value(), third.value())).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void insertsNoChatForAnUnregisteredUser() {
        var stranger = new UserId("never-registered-" + UUID.randomUUID());

        assertThat(store.insertChat(stranger, "name", Optional.empty(), T0)).isEmpty();
        assertThat(countChatsOf(stranger)).isZero();
    }

    // --- sessions

    @Test
    void findsASavedSessionByItsTokenHash() {
        var user = registeredUser();
        var hash = newTokenHash();
        var session = new Session(user, T0, T0.plusSeconds(3600), Optional.empty());

        store.saveSession(hash, session);

        assertThat(store.findSessionByTokenHash(hash.clone())).contains(session);
        assertThat(store.findSessionByTokenHash(newTokenHash())).isEmpty();
    }

    @Test
    void revokesASessionOnlyOnce() {
        var user = registeredUser();
        var hash = newTokenHash();
        store.saveSession(hash, new Session(user, T0, T0.plusSeconds(3600), Optional.empty()));
        var revokedAt = T0.plusSeconds(60).plusNanos(123_000);

        assertThat(store.revokeSession(hash, revokedAt)).isTrue();
        assertThat(store.revokeSession(hash, revokedAt.plusSeconds(1))).isFalse();

        assertThat(store.findSessionByTokenHash(hash))
                .contains(new Session(user, T0, T0.plusSeconds(3600), Optional.of(revokedAt)));
    }

    @Test
    void revokesNoUnknownSession() {
        assertThat(store.revokeSession(newTokenHash(), T0)).isFalse();
    }

    @Test
    void findsSessionsWhateverTheirState() {
        var user = registeredUser();
        var expired = new Session(user, T0, T0.plusSeconds(1), Optional.empty());
        var storedRevoked = new Session(user, T0, T0.plusSeconds(3600), Optional.of(T0.plusSeconds(2)));
        var expiredHash = newTokenHash();
        var revokedHash = newTokenHash();

        store.saveSession(expiredHash, expired);
        store.saveSession(revokedHash, storedRevoked);

        assertThat(store.findSessionByTokenHash(expiredHash)).contains(expired);
        assertThat(store.findSessionByTokenHash(revokedHash)).contains(storedRevoked);
    }

    @Test
    void refusesASessionOfAnUnregisteredUserWithARuntimeException() {
        var session = new Session(new UserId("never-registered-" + UUID.randomUUID()), T0, T0.plusSeconds(1), Optional.empty());
        var hash = newTokenHash();

        assertThatThrownBy(() -> store.saveSession(hash, session)).isInstanceOf(JdbiException.class);
        assertThat(store.findSessionByTokenHash(hash)).isEmpty();
    }

    // --- migrations

    @Test
    void runsMigrationsAgainWithoutHarm() {
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = store.appendMessages(user, chat, List.of(message("before", Actor.USER)), T0).orElseThrow();
        int applied = countAppliedMigrations();

        DatabaseMigrations.migrate(database.dataSource());

        assertThat(countAppliedMigrations()).isEqualTo(applied);
        assertThat(readMessages(user, chat)).containsExactlyElementsOf(stored);
        assertThat(store.appendMessages(user, chat, List.of(message("after", Actor.USER)), T0)).isPresent();
    }

    // --- schema

    @Test
    void refusesRowsThatBreakTheNamedConstraints() {
        var user = registeredUser();
        var chat = chatOf(user);
        String u = user.value();
        long c = chat.value();

        assertRefusedBy("users_id_not_empty", "insert into users (id) values ('')");
        assertRefusedBy("chats_name_not_empty",
                "insert into chats (user_id, name, created_at, updated_at) values (?, '', current_timestamp, current_timestamp)", u);
        assertRefusedBy("chats_model_not_empty",
                "insert into chats (user_id, name, model, created_at, updated_at) values (?, 'n', '', current_timestamp, current_timestamp)", u);
        assertRefusedBy("chats_updated_not_before_created",
                "insert into chats (user_id, name, created_at, updated_at) values (?, 'n', current_timestamp, current_timestamp - interval '1' second)", u);
        assertRefusedBy("messages_content_not_empty",
                "insert into messages (user_id, chat_id, content, actor, created_at) values (?, ?, '', 'user', current_timestamp)", u, c);
        assertRefusedBy("messages_actor_known",
                "insert into messages (user_id, chat_id, content, actor, created_at) values (?, ?, 'hi', 'bot', current_timestamp)", u, c);
        assertRefusedBy("messages_actor_known",
                "insert into messages (user_id, chat_id, content, actor, created_at) values (?, ?, 'hi', 'User', current_timestamp)", u, c);
        assertRefusedBy("sessions_token_hash_is_sha256",
                "insert into sessions (token_hash, user_id, created_at, expires_at) values (?, ?, current_timestamp, current_timestamp + interval '1' hour)",
                new byte[31], u);
        assertRefusedBy("sessions_expire_after_creation",
                "insert into sessions (token_hash, user_id, created_at, expires_at) values (?, ?, current_timestamp, current_timestamp)",
                newTokenHash(), u);
    }

    @Test
    void refusesMessagesOfAChatOwnedBySomeoneElse() {
        var owner = registeredUser();
        var chat = chatOf(owner);
        var other = registeredUser();

        // The foreign key includes user_id, so a message row cannot name another user's chat.
        assertThatThrownBy(() -> execute(
                "insert into messages (user_id, chat_id, content, actor, created_at) values (?, ?, 'hi', 'user', current_timestamp)",
                other.value(), chat.value()))
                .isInstanceOf(JdbiException.class);
    }

    // --- helpers

    UserId registeredUser() {
        var user = new UserId("user-" + UUID.randomUUID());
        assertThat(store.saveUserIfAbsent(user)).isTrue();
        return user;
    }

    ChatId chatOf(UserId owner) {
        return store.insertChat(owner, "a chat", Optional.empty(), T0).orElseThrow().id();
    }

    static NewMessage message(String content, Actor actor) {
        return new NewMessage(new MessageContent(content), actor);
    }

    static byte[] newTokenHash() {
        return SessionToken.generate(RANDOM).hash();
    }

    List<ChatMessage> readMessages(UserId owner, ChatId chat) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, chat_id, user_id, content, actor, created_at
                        from messages where user_id = :owner and chat_id = :chat order by id""")
                .bind("owner", owner.value())
                .bind("chat", chat.value())
                .map(ConstructorMapper.of(MessageRow.class))
                .map(RowMapping::toChatMessage)
                .list());
    }

    Optional<Chat> readChat(UserId owner, ChatId chat) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, user_id, name, model, created_at, updated_at
                        from chats where user_id = :owner and id = :chat""")
                .bind("owner", owner.value())
                .bind("chat", chat.value())
                .map(ConstructorMapper.of(ChatRow.class))
                .map(RowMapping::toChat)
                .findOne());
    }

    int countMessagesOfChat(ChatId chat) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from messages where chat_id = :chat")
                .bind("chat", chat.value()).mapTo(Integer.class).one());
    }

    int countChatsOf(UserId owner) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from chats where user_id = :owner")
                .bind("owner", owner.value()).mapTo(Integer.class).one());
    }

    int countAppliedMigrations() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from flyway_schema_history where success")
                .mapTo(Integer.class).one());
    }

    void execute(String sql, Object... arguments) {
        jdbi.useHandle(h -> h.execute(sql, arguments));
    }

    void assertRefusedBy(String constraint, String sql, Object... arguments) {
        assertThatThrownBy(() -> execute(sql, arguments))
                .as(sql)
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining(constraint);
    }
}
