package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.DriverManager;
import java.security.SecureRandom;
import java.time.Duration;
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
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.out.LoadMessagesPort.StoredPage;
import neptun.chat.application.port.out.RemoveLastMessagePort.Removal;
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
 * What the adapters of {@link JdbiPersistence} promise, on any database. Each subclass supplies a fresh database for its run;
 * tests share it but each works with users of its own, so no test sees another's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbiPersistenceContract {
    static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    TestDatabase database;
    Jdbi jdbi;
    JdbiChats chats;
    JdbiMessages messages;
    JdbiUsers users;
    JdbiSessions sessions;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void migrateFreshDatabase() {
        database = openDatabase();
        DatabaseMigrations.migrate(database.dataSource());
        jdbi = TestJdbi.create(database);
        var persistence = new JdbiPersistence(jdbi);
        chats = persistence.chats();
        messages = persistence.messages();
        users = persistence.users();
        sessions = persistence.sessions();
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

        List<ChatMessage> stored = messages.appendMessages(user, chat, batch, T0).orElseThrow();

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

        var first = messages.appendMessages(user, chat, List.of(message("a", Actor.USER), message("b", Actor.ASSISTANT)), T0).orElseThrow();
        var second = messages.appendMessages(user, chat, List.of(message("c", Actor.USER)), T0.plusSeconds(1)).orElseThrow();

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
            messages.appendMessages(user, chat, List.of(message("at " + createdAt, Actor.USER)), createdAt).orElseThrow();
        }

        assertThat(readMessages(user, chat)).extracting(ChatMessage::createdAt).containsExactlyElementsOf(instants);
    }

    @Test
    void cutsCreatedAtToMicrosecondsSoTheAnswerEqualsALaterRead() {
        var user = registeredUser();
        var chat = chatOf(user);
        var withNanos = Instant.parse("2024-03-01T10:15:30.123456999Z");

        var stored = messages.appendMessages(user, chat, List.of(message("nanos", Actor.USER)), withNanos).orElseThrow();
        var newChat = chats.insertChat(user, "nanos", Optional.empty(), withNanos).orElseThrow();

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

        var result = messages.appendMessages(intruder, chat, List.of(message("hi", Actor.USER), message("there", Actor.USER)), T0);

        assertThat(result).isEmpty();
        assertThat(countMessagesOfChat(chat)).isZero();
    }

    @Test
    void storesNothingInAChatThatDoesNotExist() {
        var user = registeredUser();
        var missing = new ChatId(Long.MAX_VALUE);

        assertThat(messages.appendMessages(user, missing, List.of(message("hi", Actor.USER)), T0)).isEmpty();
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

            assertThatThrownBy(() -> messages.appendMessages(user, chat, batch, T0)).isInstanceOf(JdbiException.class);
        } finally {
            execute("alter table messages drop constraint test_refuses_poison");
        }
        assertThat(countMessagesOfChat(chat)).isZero();
    }

    // --- appends written together

    @Test
    void writesTheAppendsOfAGroupInOneStatementEachToItsOwnChatIfOwned() throws Exception {
        var user = registeredUser();
        var other = registeredUser();
        var chatA = chatOf(user);
        var chatB = chatOf(user);
        var othersChat = chatOf(other);
        var late = Instant.parse("1999-12-31T23:59:59.999999Z");
        var appends = List.of(
                append(user, chatA, T0, "a1", "a2"),
                append(user, chatB, late, "b1"),
                append(user, othersChat, T0, "not the owner's"),
                append(user, chatA, T0.plusSeconds(2), "a3"),
                append(user, new ChatId(Long.MAX_VALUE), T0, "no such chat"),
                append(other, othersChat, T0.plusSeconds(3), "o1", "o2", "o3"));

        List<List<Long>> ids = jdbi.withHandle(h -> AppendMessagesStatement.executeGroup(h.getConnection(), appends));

        assertThat(ids).extracting(List::size).containsExactly(2, 1, 0, 1, 0, 3);
        assertThat(readMessages(user, chatA)).extracting(m -> m.id().value(), m -> m.content().value(), ChatMessage::createdAt)
                .containsExactly(tuple(ids.get(0).get(0), "a1", T0), tuple(ids.get(0).get(1), "a2", T0),
                        tuple(ids.get(3).get(0), "a3", T0.plusSeconds(2)));
        assertThat(readMessages(user, chatB)).extracting(m -> m.id().value(), m -> m.content().value(), ChatMessage::createdAt)
                .containsExactly(tuple(ids.get(1).get(0), "b1", late));
        assertThat(readMessages(other, othersChat)).extracting(m -> m.id().value(), m -> m.content().value())
                .containsExactly(tuple(ids.get(5).get(0), "o1"), tuple(ids.get(5).get(1), "o2"), tuple(ids.get(5).get(2), "o3"));
    }

    @Test
    void answersConcurrentAppendsEachWithItsOwnMessagesWhenTheyShareStatements() throws Exception {
        var groupCommit = new GroupCommit(jdbi, new JdbiPersistence.Writers(1, 1), Duration.ofSeconds(60), GroupCommitListener.NONE); // one writer: appends that meet it busy queue and share a statement
        var grouping = new JdbiMessages(jdbi, groupCommit, new JdbiIdempotencyKeys(jdbi));
        var user = registeredUser();
        List<ChatId> twoChats = List.of(chatOf(user), chatOf(user));
        var someoneElses = chatOf(registeredUser());

        List<ChatMessage> answered = answersOfConcurrentCallers(16, caller -> {
            List<ChatMessage> mine = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                int round = r;
                // Every fourth caller sends large batches, which have writers of their own.
                int size = caller % 4 == 2 ? 60 + round % 3 : 1 + round % 3;
                List<NewMessage> batch = IntStream.range(0, size)
                        .mapToObj(i -> message("caller %d round %d message %d ".formatted(caller, round, i) + "x".repeat(300), Actor.USER))
                        .toList();
                var at = T0.plusMillis(caller * 1_000L + round);
                if (caller % 4 == 3) {
                    assertThat(grouping.appendMessages(user, someoneElses, batch, at)).isEmpty();
                    continue;
                }
                var stored = grouping.appendMessages(user, twoChats.get(caller % 2), batch, at).orElseThrow();
                assertThat(stored).extracting(ChatMessage::content).containsExactlyElementsOf(batch.stream().map(NewMessage::content).toList());
                assertThat(stored).extracting(m -> m.id().value()).isSorted().doesNotHaveDuplicates();
                assertThat(stored).allSatisfy(m -> assertThat(m.createdAt()).isEqualTo(at));
                assertThat(stored).allSatisfy(m -> assertThat(m.chatId()).isEqualTo(twoChats.get(caller % 2)));
                mine.addAll(stored);
            }
            return mine;
        });

        List<ChatMessage> read = new ArrayList<>(readMessages(user, twoChats.get(0)));
        read.addAll(readMessages(user, twoChats.get(1)));
        assertThat(read).containsExactlyInAnyOrderElementsOf(answered);
        assertThat(countMessagesOfChat(someoneElses)).isZero();
        assertThat(groupCommit.appendsWrittenInGroups()).as("appends that shared a statement").isPositive();
    }

    @Test
    void failsOnlyTheRefusedAppendsOfAGroupAndStoresTheOthers() throws Exception {
        var groupCommit = new GroupCommit(jdbi, new JdbiPersistence.Writers(1, 1), Duration.ofSeconds(60), GroupCommitListener.NONE);
        var grouping = new JdbiMessages(jdbi, groupCommit, new JdbiIdempotencyKeys(jdbi));
        var user = registeredUser();
        var chat = chatOf(user);
        int callers = 12;
        int rounds = 15;
        execute("alter table messages add constraint test_refuses_poison check (content <> 'poison')");
        try {
            List<ChatMessage> answered = answersOfConcurrentCallers(callers, caller -> {
                List<ChatMessage> mine = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    boolean poisoned = (caller + round) % 5 == 0;
                    var batch = List.of(message("before " + caller + "/" + round, Actor.USER),
                            message(poisoned ? "poison" : "fine", Actor.ASSISTANT), message("after", Actor.USER));
                    if (poisoned) {
                        assertThatThrownBy(() -> grouping.appendMessages(user, chat, batch, T0)).isInstanceOf(JdbiException.class);
                    } else {
                        mine.addAll(grouping.appendMessages(user, chat, batch, T0).orElseThrow());
                    }
                }
                return mine;
            });

            assertThat(answered).hasSize(3 * (callers * rounds - callers * rounds / 5));
            assertThat(readMessages(user, chat)).containsExactlyInAnyOrderElementsOf(answered);
            assertThat(groupCommit.appendsWrittenInGroups()).as("appends that shared a statement").isPositive();
        } finally {
            execute("alter table messages drop constraint test_refuses_poison");
        }
    }

    /** One caller's work, given its number. */
    @FunctionalInterface
    interface Caller {
        List<ChatMessage> run(int caller) throws Exception;
    }

    /** Runs {@code callers} callers at once, from a common start, and answers with all they returned. */
    static List<ChatMessage> answersOfConcurrentCallers(int callers, Caller caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var barrier = new CyclicBarrier(callers);
            List<Future<List<ChatMessage>>> results = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int number = c;
                results.add(pool.submit(() -> {
                    barrier.await();
                    return caller.run(number);
                }));
            }
            List<ChatMessage> answered = new ArrayList<>();
            for (Future<List<ChatMessage>> result : results) {
                answered.addAll(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether a message inserted while its chat is being deleted is refused or deleted with the chat.
     * PostgreSQL's foreign-key check locks the chat's row, so it is.
     */
    abstract boolean keepsNoMessageOfAChatDeletedDuringItsInsert();

    @Test
    void answersAppendsRacingTheirChatsDeletionAsStoredOrNotFoundAndStoresThemWhole() throws Exception {
        var grouping = new JdbiPersistence(jdbi, new JdbiPersistence.Writers(1, 1)).messages();
        var user = registeredUser();
        var survivor = chatOf(user);
        List<ChatId> doomed = IntStream.range(0, 12).mapToObj(i -> chatOf(user)).toList();
        int appenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        try {
            var barrier = new CyclicBarrier(appenders + 1);
            // Per appender: what was acknowledged in the surviving chat, then in the chats being deleted.
            List<Future<List<List<ChatMessage>>>> answers = new ArrayList<>();
            for (int a = 0; a < appenders; a++) {
                int appender = a;
                answers.add(pool.submit(() -> {
                    List<ChatMessage> survivorAnswers = new ArrayList<>();
                    List<ChatMessage> doomedAnswers = new ArrayList<>();
                    barrier.await();
                    for (int round = 0; round < 40; round++) {
                        var batch = List.of(message("a%d r%d".formatted(appender, round), Actor.USER), message("reply", Actor.ASSISTANT));
                        if (round % 2 == 0) {
                            survivorAnswers.addAll(grouping.appendMessages(user, survivor, batch, T0).orElseThrow());
                        } else {
                            // Stored or not found, never an error.
                            grouping.appendMessages(user, doomed.get((appender + round) % doomed.size()), batch, T0)
                                    .ifPresent(stored -> {
                                        assertThat(stored).hasSize(2);
                                        doomedAnswers.addAll(stored);
                                    });
                        }
                    }
                    return List.of(survivorAnswers, doomedAnswers);
                }));
            }
            barrier.await(60, java.util.concurrent.TimeUnit.SECONDS);
            for (ChatId chat : doomed) {
                assertThat(chats.deleteChat(user, chat)).isPresent();
                Thread.sleep(2);
            }
            List<ChatMessage> answeredToSurvivor = new ArrayList<>();
            List<ChatMessage> answeredToDoomed = new ArrayList<>();
            for (var answer : answers) {
                answeredToSurvivor.addAll(answer.get(60, java.util.concurrent.TimeUnit.SECONDS).get(0));
                answeredToDoomed.addAll(answer.get(60, java.util.concurrent.TimeUnit.SECONDS).get(1));
            }

            assertThat(readMessages(user, survivor)).containsExactlyInAnyOrderElementsOf(answeredToSurvivor);
            List<ChatMessage> left = new ArrayList<>();
            for (ChatId chat : doomed) {
                left.addAll(readMessages(user, chat));
            }
            if (keepsNoMessageOfAChatDeletedDuringItsInsert()) {
                assertThat(left).isEmpty();
            } else {
                // Whatever outlived its chat was acknowledged, and whole: both messages of its append.
                assertThat(answeredToDoomed).containsAll(left);
                for (int i = 0; i < answeredToDoomed.size(); i += 2) {
                    assertThat(left.contains(answeredToDoomed.get(i))).isEqualTo(left.contains(answeredToDoomed.get(i + 1)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAnEmptyBatch() {
        var owner = registeredUser();
        var chat = chatOf(owner);

        assertThatThrownBy(() -> messages.appendMessages(owner, chat, List.of(), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messages.appendMessages(registeredUser(), chat, List.of(), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(countMessagesOfChat(chat)).isZero();
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

        var stored = messages.appendMessages(user, chat, texts.stream().map(t -> message(t, Actor.USER)).toList(), T0).orElseThrow();

        var readBack = readMessages(user, chat);
        assertThat(readBack).containsExactlyElementsOf(stored);
        assertThat(readBack).extracting(m -> m.content().value()).containsExactlyElementsOf(texts);
    }

    @Test
    void deletingAChatDeletesItsMessages() {
        var user = registeredUser();
        var chat = chatOf(user);
        messages.appendMessages(user, chat, List.of(message("soon gone", Actor.USER)), T0).orElseThrow();

        jdbi.useHandle(h -> h.execute("delete from chats where user_id = ? and id = ?", user.value(), chat.value()));

        assertThat(countMessagesOfChat(chat)).isZero();
    }

    // --- reading messages

    @Test
    void readsAPageOfMessagesAfterTheCursorInIdOrder() {
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = messages.appendMessages(user, chat, IntStream.range(0, 10).mapToObj(i -> message("m" + i, Actor.USER)).toList(), T0)
                .orElseThrow();

        long last = stored.get(9).id().value();
        assertThat(messages.loadMessages(user, chat, 0, 4)).contains(new StoredPage(stored.subList(0, 4), last));
        assertThat(messages.loadMessages(user, chat, stored.get(3).id().value(), 4)).contains(new StoredPage(stored.subList(4, 8), last));
        assertThat(messages.loadMessages(user, chat, stored.get(7).id().value(), 4)).contains(new StoredPage(stored.subList(8, 10), last));
        assertThat(messages.loadMessages(user, chat, stored.get(9).id().value(), 4)).contains(new StoredPage(List.of(), last));
        assertThat(messages.loadMessages(user, chat, Long.MAX_VALUE, 4)).contains(new StoredPage(List.of(), last));
    }

    @Test
    void readsOnlyTheMessagesOfTheNamedChat() {
        var user = registeredUser();
        var chat = chatOf(user);
        var other = chatOf(user);
        var mine = messages.appendMessages(user, chat, List.of(message("mine", Actor.USER)), T0).orElseThrow();
        messages.appendMessages(user, other, List.of(message("other chat", Actor.USER)), T0).orElseThrow();
        var later = messages.appendMessages(user, chat, List.of(message("mine again", Actor.ASSISTANT)), T0).orElseThrow();

        assertThat(messages.loadMessages(user, chat, 0, 100)).contains(new StoredPage(List.of(mine.get(0), later.get(0)), later.get(0).id().value()));
    }

    @Test
    void readsAnEmptyChatAsAnEmptyPageButNoChatOfSomeoneElse() {
        var owner = registeredUser();
        var empty = chatOf(owner);
        var full = chatOf(owner);
        messages.appendMessages(owner, full, List.of(message("private", Actor.USER)), T0).orElseThrow();
        var intruder = registeredUser();

        assertThat(messages.loadMessages(owner, empty, 0, 10)).contains(new StoredPage(List.of(), 0));
        assertThat(messages.loadMessages(intruder, full, 0, 10)).isEmpty();
        assertThat(messages.loadMessages(intruder, empty, 0, 10)).isEmpty();
        assertThat(messages.loadMessages(owner, new ChatId(Long.MAX_VALUE), 0, 10)).isEmpty();
    }

    /** A large chat read page by page: every message once, in order, and each page a range scan from its cursor. */
    @Test
    void pagesThroughAHundredThousandMessagesWithKeysetReads() {
        int total = 100_000;
        int batch = 2_000;
        int limit = 1_000;
        var user = registeredUser();
        var chat = chatOf(user);
        for (int start = 0; start < total; start += batch) {
            int first = start;
            messages.appendMessages(user, chat, IntStream.range(first, first + batch)
                    .mapToObj(i -> message("message " + i, Actor.values()[i % 3])).toList(), T0).orElseThrow();
        }

        List<Long> cursors = new ArrayList<>();
        long after = 0;
        long lastId = 0;
        int read = 0;
        while (true) {
            cursors.add(after);
            List<ChatMessage> page = messages.loadMessages(user, chat, after, limit).orElseThrow().messages();
            if (page.isEmpty()) {
                break;
            }
            for (ChatMessage m : page) {
                assertThat(m.id().value()).isGreaterThan(lastId);
                assertThat(m.content().value()).isEqualTo("message " + read);
                lastId = m.id().value();
                read++;
            }
            after = lastId;
        }

        assertThat(read).isEqualTo(total);
        assertThat(cursors).hasSize(total / limit + 1);
        assertPagesAreRangeScans(user, chat, List.of(cursors.get(0), cursors.get(cursors.size() / 2), cursors.get(cursors.size() - 2)), limit);
    }

    /**
     * Checks, with the database's own account of running the page query after each of {@code cursors},
     * that every page is an index range scan starting at its cursor: it reads at most {@code limit} + 1 rows
     * however many messages come before it, so the last page costs what the first does.
     */
    abstract void assertPagesAreRangeScans(UserId owner, ChatId chat, List<Long> cursors, int limit);

    /** The SQL of the page query, as {@link JdbiMessages} runs it. */
    static String pageQuery() {
        try {
            return MessageDao.class.getMethod("page", String.class, long.class, long.class, int.class)
                    .getAnnotation(org.jdbi.v3.sqlobject.statement.SqlQuery.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    // --- removing the last message

    @Test
    void removesTheNewestMessageAndAnswersWithIt() {
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = messages.appendMessages(user, chat, List.of(message("question", Actor.USER), message("answer", Actor.ASSISTANT)), T0)
                .orElseThrow();

        assertThat(messages.removeLastMessage(user, chat)).isEqualTo(new Removal.Removed(stored.get(1)));
        assertThat(readMessages(user, chat)).containsExactly(stored.get(0));
        assertThat(messages.removeLastMessage(user, chat)).isEqualTo(new Removal.Removed(stored.get(0)));
        assertThat(messages.removeLastMessage(user, chat)).isEqualTo(new Removal.ChatIsEmpty());
    }

    @Test
    void removesNothingFromAnotherUsersChatOrAMissingOne() {
        var owner = registeredUser();
        var chat = chatOf(owner);
        messages.appendMessages(owner, chat, List.of(message("keep me", Actor.USER)), T0).orElseThrow();

        assertThat(messages.removeLastMessage(registeredUser(), chat)).isEqualTo(new Removal.NoSuchChat());
        assertThat(messages.removeLastMessage(owner, new ChatId(Long.MAX_VALUE))).isEqualTo(new Removal.NoSuchChat());
        assertThat(countMessagesOfChat(chat)).isOne();
    }

    @Test
    void letsConcurrentRemovalsEachTakeADifferentNewestMessage() throws Exception {
        int callers = 8;
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = messages.appendMessages(user, chat, IntStream.range(0, callers + 2)
                .mapToObj(i -> message("m" + i, Actor.USER)).toList(), T0).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var barrier = new CyclicBarrier(callers);
            List<Future<Removal>> removals = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                // Adapters of their own per caller: each opens its own connections, so the calls meet in the database.
                var own = new JdbiPersistence(TestJdbi.create(database)).messages();
                removals.add(pool.submit(() -> {
                    barrier.await();
                    return own.removeLastMessage(user, chat);
                }));
            }
            List<ChatMessage> removed = new ArrayList<>();
            for (Future<Removal> removal : removals) {
                assertThat(removal.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOfSatisfying(Removal.Removed.class,
                        r -> removed.add(r.message()));
            }
            assertThat(removed).containsExactlyInAnyOrderElementsOf(stored.subList(2, callers + 2));
            assertThat(readMessages(user, chat)).containsExactlyElementsOf(stored.subList(0, 2));
        } finally {
            pool.shutdownNow();
        }
    }

    // --- users

    @Test
    void savesAUserOnce() {
        var user = new UserId("ユーザー 🙂 " + UUID.randomUUID());

        assertThat(users.userExists(user)).isFalse();
        assertThat(users.saveUserIfAbsent(user)).isTrue();
        assertThat(users.saveUserIfAbsent(user)).isFalse();
        assertThat(users.userExists(user)).isTrue();
    }

    @Test
    void letsExactlyOneOfManyConcurrentCallersCreateAUser() throws Exception {
        int callers = 16;
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            // One open connection per caller, so the calls collide in the database rather than while connecting.
            List<JdbiUsers> stores = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                connections.add(connection);
                stores.add(new JdbiPersistence(Jdbi.create(connection)).users());
            }
            for (int round = 0; round < 20; round++) {
                var user = new UserId("contended-" + UUID.randomUUID());
                var barrier = new CyclicBarrier(callers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (JdbiUsers each : stores) {
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
                assertThat(users.userExists(user)).isTrue();
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

        Chat chat = chats.insertChat(user, "Reise nach 東京 ✈️", Optional.of("gpt-4o"), T0).orElseThrow();

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

        Chat chat = chats.insertChat(user, "untitled", Optional.empty(), T0).orElseThrow();

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

        assertThat(chats.insertChat(stranger, "name", Optional.empty(), T0)).isEmpty();
        assertThat(countChatsOf(stranger)).isZero();
    }

    @Test
    void findsAChatsUpdatedAtInItsNewestMessageWithoutWritingTheChat() {
        var user = registeredUser();
        var chat = chats.insertChat(user, "busy", Optional.empty(), T0).orElseThrow();
        messages.appendMessages(user, chat.id(), List.of(message("first", Actor.USER)), T0.plusSeconds(10)).orElseThrow();
        messages.appendMessages(user, chat.id(), List.of(message("second", Actor.ASSISTANT)), T0.plusSeconds(20)).orElseThrow();

        assertThat(chats.loadChats(user, ChatOrder.UPDATED_AT_DESC, 10)).singleElement()
                .isEqualTo(new Chat(chat.id(), user, "busy", Optional.empty(), T0, T0.plusSeconds(20)));
        // The row itself is untouched: writers of one chat never queue on its row.
        assertThat(readChat(user, chat.id())).contains(chat);
    }

    @Test
    void listsAUsersChatsInEachOrderUpToTheLimit() {
        var user = registeredUser();
        var oldest = chats.insertChat(user, "oldest", Optional.empty(), T0).orElseThrow().id();
        var middle = chats.insertChat(user, "middle", Optional.of("m"), T0.plusSeconds(1)).orElseThrow().id();
        var newest = chats.insertChat(user, "newest", Optional.empty(), T0.plusSeconds(2)).orElseThrow().id();
        var twin = chats.insertChat(user, "same time as newest", Optional.empty(), T0.plusSeconds(2)).orElseThrow().id();
        messages.appendMessages(user, oldest, List.of(message("revived", Actor.USER)), T0.plusSeconds(5)).orElseThrow();
        chatOf(registeredUser());

        assertThat(ids(chats.loadChats(user, ChatOrder.UPDATED_AT_DESC, 10))).containsExactly(oldest, twin, newest, middle);
        assertThat(ids(chats.loadChats(user, ChatOrder.UPDATED_AT_ASC, 10))).containsExactly(middle, newest, twin, oldest);
        assertThat(ids(chats.loadChats(user, ChatOrder.CREATED_AT_DESC, 10))).containsExactly(twin, newest, middle, oldest);
        assertThat(ids(chats.loadChats(user, ChatOrder.CREATED_AT_ASC, 10))).containsExactly(oldest, middle, newest, twin);
        assertThat(ids(chats.loadChats(user, ChatOrder.UPDATED_AT_DESC, 2))).containsExactly(oldest, twin);
        assertThat(chats.loadChats(registeredUser(), ChatOrder.UPDATED_AT_DESC, 10)).isEmpty();
    }

    @Test
    void renamesAChatAndMovesItsUpdatedAt() {
        var user = registeredUser();
        var chat = chats.insertChat(user, "draft", Optional.of("gpt-4o"), T0).orElseThrow();

        var renamed = chats.renameChat(user, chat.id(), "Trip to 東京", Optional.empty(), T0.plusSeconds(60).plusNanos(999)).orElseThrow();

        var expected = new Chat(chat.id(), user, "Trip to 東京", Optional.of("gpt-4o"), T0, T0.plusSeconds(60));
        assertThat(renamed).isEqualTo(expected);
        assertThat(chats.loadChats(user, ChatOrder.UPDATED_AT_DESC, 10)).containsExactly(expected);
        assertThat(chats.renameChat(user, chat.id(), "Trip", Optional.of("llama3"), T0.plusSeconds(61)).orElseThrow().model())
                .contains("llama3");
    }

    @Test
    void neverMovesUpdatedAtBackwardsOnRename() {
        var user = registeredUser();
        var chat = chats.insertChat(user, "draft", Optional.empty(), T0).orElseThrow();
        messages.appendMessages(user, chat.id(), List.of(message("hi", Actor.USER)), T0.plusSeconds(100)).orElseThrow();

        var renamed = chats.renameChat(user, chat.id(), "from a slow clock", Optional.empty(), T0.minusSeconds(5)).orElseThrow();

        assertThat(renamed.updatedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(readChat(user, chat.id()).orElseThrow().updatedAt()).isEqualTo(T0);
    }

    @Test
    void renamesNoChatOfAnotherUser() {
        var owner = registeredUser();
        var chat = chats.insertChat(owner, "mine", Optional.empty(), T0).orElseThrow();

        assertThat(chats.renameChat(registeredUser(), chat.id(), "stolen", Optional.of("x"), T0.plusSeconds(1))).isEmpty();
        assertThat(chats.renameChat(owner, new ChatId(Long.MAX_VALUE), "nothing", Optional.empty(), T0)).isEmpty();
        assertThat(readChat(owner, chat.id())).contains(chat);
    }

    @Test
    void deletesAChatWithItsMessagesAndAnswersWithTheChatAsItWas() {
        var user = registeredUser();
        var chat = chats.insertChat(user, "doomed", Optional.empty(), T0).orElseThrow();
        var keep = chatOf(user);
        messages.appendMessages(user, chat.id(), List.of(message("bye", Actor.USER)), T0.plusSeconds(3)).orElseThrow();
        messages.appendMessages(user, keep, List.of(message("stay", Actor.USER)), T0).orElseThrow();

        assertThat(chats.deleteChat(user, chat.id())).contains(new Chat(chat.id(), user, "doomed", Optional.empty(), T0, T0.plusSeconds(3)));

        assertThat(readChat(user, chat.id())).isEmpty();
        assertThat(countMessagesOfChat(chat.id())).isZero();
        assertThat(countMessagesOfChat(keep)).isOne();
        assertThat(chats.deleteChat(user, chat.id())).isEmpty();
    }

    @Test
    void deletesNoChatOfAnotherUser() {
        var owner = registeredUser();
        var chat = chatOf(owner);
        messages.appendMessages(owner, chat, List.of(message("mine", Actor.USER)), T0).orElseThrow();

        assertThat(chats.deleteChat(registeredUser(), chat)).isEmpty();
        assertThat(countChatsOf(owner)).isOne();
        assertThat(countMessagesOfChat(chat)).isOne();
    }

    // --- sessions

    @Test
    void findsASavedSessionByItsTokenHash() {
        var user = registeredUser();
        var hash = newTokenHash();
        var session = new Session(user, T0, T0.plusSeconds(3600), Optional.empty());

        sessions.saveSession(hash, session);

        assertThat(sessions.findSessionByTokenHash(hash.clone())).contains(session);
        assertThat(sessions.findSessionByTokenHash(newTokenHash())).isEmpty();
    }

    @Test
    void revokesASessionOnlyOnce() {
        var user = registeredUser();
        var hash = newTokenHash();
        sessions.saveSession(hash, new Session(user, T0, T0.plusSeconds(3600), Optional.empty()));
        var revokedAt = T0.plusSeconds(60).plusNanos(123_000);

        assertThat(sessions.revokeSession(hash, revokedAt)).isTrue();
        assertThat(sessions.revokeSession(hash, revokedAt.plusSeconds(1))).isFalse();

        assertThat(sessions.findSessionByTokenHash(hash))
                .contains(new Session(user, T0, T0.plusSeconds(3600), Optional.of(revokedAt)));
    }

    @Test
    void revokesNoUnknownSession() {
        assertThat(sessions.revokeSession(newTokenHash(), T0)).isFalse();
    }

    @Test
    void findsSessionsWhateverTheirState() {
        var user = registeredUser();
        var expired = new Session(user, T0, T0.plusSeconds(1), Optional.empty());
        var storedRevoked = new Session(user, T0, T0.plusSeconds(3600), Optional.of(T0.plusSeconds(2)));
        var expiredHash = newTokenHash();
        var revokedHash = newTokenHash();

        sessions.saveSession(expiredHash, expired);
        sessions.saveSession(revokedHash, storedRevoked);

        assertThat(sessions.findSessionByTokenHash(expiredHash)).contains(expired);
        assertThat(sessions.findSessionByTokenHash(revokedHash)).contains(storedRevoked);
    }

    @Test
    void refusesASessionOfAnUnregisteredUserWithARuntimeException() {
        var session = new Session(new UserId("never-registered-" + UUID.randomUUID()), T0, T0.plusSeconds(1), Optional.empty());
        var hash = newTokenHash();

        assertThatThrownBy(() -> sessions.saveSession(hash, session)).isInstanceOf(JdbiException.class);
        assertThat(sessions.findSessionByTokenHash(hash)).isEmpty();
    }

    // --- migrations

    @Test
    void runsMigrationsAgainWithoutHarm() {
        var user = registeredUser();
        var chat = chatOf(user);
        var stored = messages.appendMessages(user, chat, List.of(message("before", Actor.USER)), T0).orElseThrow();
        int applied = countAppliedMigrations();

        DatabaseMigrations.migrate(database.dataSource());

        assertThat(countAppliedMigrations()).isEqualTo(applied);
        assertThat(readMessages(user, chat)).containsExactlyElementsOf(stored);
        assertThat(messages.appendMessages(user, chat, List.of(message("after", Actor.USER)), T0)).isPresent();
    }

    @Test
    void keepsNoIndexOnTheStoredUpdatedAt() {
        assertThat(indexesOf("chats")).contains("chats_user_created_idx").doesNotContain("chats_user_updated_idx");
    }

    /** The names of the indexes on {@code table}, from the database's catalog. */
    abstract List<String> indexesOf(String table);

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
        assertThat(users.saveUserIfAbsent(user)).isTrue();
        return user;
    }

    ChatId chatOf(UserId owner) {
        return chats.insertChat(owner, "a chat", Optional.empty(), T0).orElseThrow().id();
    }

    static List<ChatId> ids(List<Chat> chats) {
        return chats.stream().map(Chat::id).toList();
    }

    static AppendMessagesStatement.Append append(UserId owner, ChatId chat, Instant at, String... contents) {
        return new AppendMessagesStatement.Append(owner, chat,
                java.util.Arrays.stream(contents).map(content -> message(content, Actor.USER)).toList(), at);
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
