package neptun.chat.bootstrap;

import static neptun.chat.bootstrap.Http.messagesPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Safe retries over HTTP against the running application on a fresh PostgreSQL database: Idempotency-Key on
 * every write (replays byte for byte, reuse refused, keys per user, concurrency, atomicity with the effect,
 * expiry on a clock the test moves), and conditional appends and removals with If-Match on the chat's ETag.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetriesIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    private static final Duration TTL = Duration.ofHours(1);

    /** The application's time: the system's, moved forward by the expiry tests. */
    static final MovableClock CLOCK = new MovableClock();

    /** The application on {@link #CLOCK}. */
    public static class ApplicationOnTheTestClock extends ChatApplication {
        @Override
        protected Clock clock() {
            return CLOCK;
        }
    }

    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(ApplicationOnTheTestClock.class, DB,
            ConfigOverride.config("sessions.cacheTtl", "0s"),
            ConfigOverride.config("idempotency.ttl", "1h"),
            ConfigOverride.config("idempotency.purgeInterval", "100ms"),
            ConfigOverride.config("idempotency.purgeBatchSize", "2"));

    private static Jdbi jdbi;
    private static UseCases core;
    private Http http;

    @BeforeAll
    static void provision() {
        jdbi = TestApp.jdbi(DB);
        core = TestApp.core(jdbi);
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    /** A newly registered user with a session (long enough for the clock the tests move) and a chat. */
    private record User(String id, String cookie, long chat) {
        String messages() {
            return messagesPath(id, chat);
        }

        String chatPath() {
            return "/api/users/" + id + "/chats/" + chat;
        }
    }

    private User newUser() {
        var id = new UserId("user-" + UUID.randomUUID());
        core.registerUser().register(id);
        String cookie = core.issueSession().issue(id, Duration.ofDays(30)).token().value();
        long chat = core.createChat().create(CreateChatCommand.of(id, "chat")).id().value();
        return new User(id.value(), cookie, chat);
    }

    private static String single(String text) {
        return "{\"message\": \"" + text + "\", \"actor\": \"user\"}";
    }

    private HttpRequest.Builder request(User user, String path, String... headers) {
        var builder = http.request(path, user.cookie());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<byte[]> post(User user, String path, String body, String... headers) {
        return http.sendForBytes(request(user, path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> patch(User user, String path, String body, String... headers) {
        return http.sendForBytes(request(user, path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> delete(User user, String path, String... headers) {
        return http.sendForBytes(request(user, path, headers).DELETE());
    }

    private HttpResponse<byte[]> get(User user, String path) {
        return http.sendForBytes(request(user, path).GET());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String statusMessage(HttpResponse<byte[]> response) {
        try {
            return Http.JSON.readTree(response.body()).get("statusMessage").textValue();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long count(String sql, Object... arguments) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    private static long messagesOf(User user) {
        return count("select count(*) from messages where user_id = ? and chat_id = ?", user.id(), user.chat());
    }

    private static long keysOf(User user) {
        return count("select count(*) from idempotency_keys where user_id = ?", user.id());
    }

    private static void assertReplayOf(HttpResponse<byte[]> first, HttpResponse<byte[]> repeat) {
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "Idempotent-Replayed")).isNull();
        assertThat(repeat.statusCode()).isEqualTo(first.statusCode());
        assertThat(repeat.body()).as("the replayed body, byte for byte").isEqualTo(first.body());
        assertThat(header(repeat, "Idempotent-Replayed")).isEqualTo("true");
        assertThat(header(repeat, "Content-Type")).isEqualTo(header(first, "Content-Type"));
    }

    @Nested
    class Replays {
        @Test
        void answerARepeatedAppendByteForByteAndStoreItOnce() {
            var ada = newUser();
            var first = post(ada, ada.messages(), single("Hello, how can I help?"), "Idempotency-Key", "8e03978e-40d5");
            var repeat = post(ada, ada.messages(), single("Hello, how can I help?"), "Idempotency-Key", "8e03978e-40d5");
            var quoted = post(ada, ada.messages(), "{\"actor\":\"user\",  \"message\":\"Hello, how can I help?\"}",
                    "Idempotency-Key", "\"8e03978e-40d5\"");

            assertReplayOf(first, repeat);
            assertReplayOf(first, quoted);
            assertThat(header(repeat, "ETag")).isEqualTo(header(first, "ETag"));
            assertThat(messagesOf(ada)).isOne();
        }

        @Test
        void answerARepeatedBatchAndStoreItOnce() {
            var ada = newUser();
            String batch = "{\"messages\": [{\"content\": \"What is Python?\", \"role\": \"user\"},"
                    + " {\"content\": \"A language. 😀\", \"role\": \"assistant\"}]}";

            var first = post(ada, ada.messages(), batch, "Idempotency-Key", "batch-1");
            var repeat = post(ada, ada.messages(), batch, "Idempotency-Key", "batch-1");

            assertReplayOf(first, repeat);
            assertThat(messagesOf(ada)).isEqualTo(2);
        }

        @Test
        void answerEveryOtherWriteByteForByteAndTakeEffectOnce() {
            var ada = newUser();
            var created = post(ada, "/api/users/" + ada.id() + "/chats", "{\"name\": \"Trip\"}", "Idempotency-Key", "create");
            var createdAgain = post(ada, "/api/users/" + ada.id() + "/chats", "{\"name\": \"Trip\"}", "Idempotency-Key", "create");
            assertReplayOf(created, createdAgain);
            assertThat(count("select count(*) from chats where user_id = ?", ada.id())).isEqualTo(2);

            var renamed = patch(ada, ada.chatPath(), "{\"name\": \"Tokyo\", \"model\": \"gpt-4o\"}", "Idempotency-Key", "rename");
            var renamedAgain = patch(ada, ada.chatPath(), "{\"name\": \"Tokyo\", \"model\": \"gpt-4o\"}", "Idempotency-Key", "rename");
            assertReplayOf(renamed, renamedAgain);

            post(ada, ada.messages(), single("q"));
            post(ada, ada.messages(), single("a"));
            var removed = delete(ada, ada.messages() + "/last", "Idempotency-Key", "remove");
            var removedAgain = delete(ada, ada.messages() + "/last", "Idempotency-Key", "remove");
            assertReplayOf(removed, removedAgain);
            assertThat(messagesOf(ada)).isOne();

            var deleted = delete(ada, ada.chatPath(), "Idempotency-Key", "delete");
            var deletedAgain = delete(ada, ada.chatPath(), "Idempotency-Key", "delete");
            assertReplayOf(deleted, deletedAgain);
            assertThat(text(deleted)).contains("\"name\":\"Tokyo\"");
        }

        @Test
        void removeOneMessageOnlyForARetriedDeleteOfTheLast() throws Exception {
            var ada = newUser();
            for (String text : List.of("one", "two", "three")) {
                post(ada, ada.messages(), single(text));
            }

            List<HttpResponse<byte[]>> answers = concurrently(5, caller -> delete(ada, ada.messages() + "/last", "Idempotency-Key", "regenerate"));
            answers.add(delete(ada, ada.messages() + "/last", "Idempotency-Key", "regenerate"));

            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
            assertThat(answers).extracting(RetriesIT::text).containsOnly(text(answers.get(0))).first().asString().contains("three");
            assertThat(answers).filteredOn(answer -> header(answer, "Idempotent-Replayed") == null).hasSize(1);
            assertThat(messagesOf(ada)).isEqualTo(2);
        }

        @Test
        void runAfterTheChatIsGoneAsTheFirstRequestDid() {
            var ada = newUser();
            var first = post(ada, ada.messages(), single("hi"), "Idempotency-Key", "before-delete");
            delete(ada, ada.chatPath());

            assertReplayOf(first, post(ada, ada.messages(), single("hi"), "Idempotency-Key", "before-delete"));
        }
    }

    @Nested
    class KeyReuse {
        @Test
        void isRefusedWith422AndDoesNothing() {
            var ada = newUser();
            post(ada, ada.messages(), single("first"), "Idempotency-Key", "k");

            var otherBody = post(ada, ada.messages(), single("second"), "Idempotency-Key", "k");
            var extraField = post(ada, ada.messages(), "{\"message\": \"first\", \"actor\": \"user\", \"x\": 1}", "Idempotency-Key", "k");
            var otherRoute = delete(ada, ada.messages() + "/last", "Idempotency-Key", "k");
            var otherChat = post(ada, messagesPath(ada.id(), ada.chat() + 1_000_000), single("first"), "Idempotency-Key", "k");

            assertThat(List.of(otherBody, extraField, otherRoute, otherChat)).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(422);
                assertThat(statusMessage(answer)).isEqualTo("Unprocessable Content. The Idempotency-Key was used for another request.");
            });
            assertThat(messagesOf(ada)).isOne();
            assertThat(keysOf(ada)).isOne();
        }

        @Test
        void ofAnotherUsersKeyIsNone() {
            var ada = newUser();
            var bob = newUser();

            var adas = post(ada, ada.messages(), single("ada's"), "Idempotency-Key", "shared-key");
            var bobs = post(bob, bob.messages(), single("bob's"), "Idempotency-Key", "shared-key");

            assertThat(List.of(adas, bobs)).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(header(answer, "Idempotent-Replayed")).isNull();
            });
            assertThat(text(bobs)).contains("bob's").doesNotContain("ada's");
        }

        @Test
        void ofAMalformedKeyIsA400NamingTheHeader() {
            var ada = newUser();
            var answer = post(ada, ada.messages(), single("x"), "Idempotency-Key", "not a key");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(statusMessage(answer)).isEqualTo("Bad Request. Invalid header(Idempotency-Key).");
            assertThat(messagesOf(ada)).isZero();
        }
    }

    @Nested
    class Concurrency {
        @Test
        void twentyRequestsWithOneKeyStoreOneBatchAndGetOneAnswer() throws Exception {
            var ada = newUser();
            String batch = "{\"messages\": [{\"content\": \"q\", \"role\": \"user\"}, {\"content\": \"a\", \"role\": \"assistant\"}]}";

            List<HttpResponse<byte[]>> answers = concurrently(20, caller -> post(ada, ada.messages(), batch, "Idempotency-Key", "once"));

            assertThat(messagesOf(ada)).as("exactly one batch stored").isEqualTo(2);
            var ok = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
            assertThat(ok).isNotEmpty().extracting(RetriesIT::text).containsOnly(text(ok.get(0)));
            assertThat(ok).filteredOn(answer -> header(answer, "Idempotent-Replayed") == null).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.statusCode() != 200).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(409);
                assertThat(header(answer, "Retry-After")).isEqualTo("1");
            });
        }

        @Test
        void requestsWithKeysOfTheirOwnShareStatementsAndKeepTheirOwnKeys() throws Exception {
            var ada = newUser();

            List<HttpResponse<byte[]>> answers = concurrently(16, caller ->
                    post(ada, ada.messages(), single("caller " + caller), "Idempotency-Key", "own-" + caller));
            List<HttpResponse<byte[]>> repeats = concurrently(16, caller ->
                    post(ada, ada.messages(), single("caller " + caller), "Idempotency-Key", "own-" + caller));

            for (int caller = 0; caller < 16; caller++) {
                assertReplayOf(answers.get(caller), repeats.get(caller));
                assertThat(text(answers.get(caller))).contains("caller " + caller + "\"");
            }
            assertThat(messagesOf(ada)).isEqualTo(16);
            assertThat(keysOf(ada)).isEqualTo(16);
        }
    }

    @Nested
    class Atomicity {
        /** A failure at the commit, after the messages and the key are inserted: neither stays, and a retry runs afresh. */
        @Test
        void keepsNoKeyAndNoMessagesWhenTheCommitFailsAndRunsTheRetryAfresh() {
            var ada = newUser();
            jdbi.useHandle(h -> h.execute("""
                    create function test_fail_at_commit() returns trigger language plpgsql as $$
                    begin raise exception 'injected failure at commit'; end $$;
                    create constraint trigger test_fail_at_commit after insert on idempotency_keys
                      deferrable initially deferred for each row execute function test_fail_at_commit();
                    """));
            HttpResponse<byte[]> failed;
            try {
                failed = post(ada, ada.messages(), single("doomed"), "Idempotency-Key", "retry-me");
            } finally {
                jdbi.useHandle(h -> h.execute("drop trigger test_fail_at_commit on idempotency_keys; drop function test_fail_at_commit()"));
            }

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(messagesOf(ada)).isZero();
            assertThat(keysOf(ada)).isZero();

            var retry = post(ada, ada.messages(), single("doomed"), "Idempotency-Key", "retry-me");
            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(header(retry, "Idempotent-Replayed")).isNull();
            assertThat(messagesOf(ada)).isOne();
            assertThat(keysOf(ada)).isOne();
        }

        @Test
        void keepsNoKeyWhenTheInsertOfTheMessagesFails() {
            var ada = newUser();
            jdbi.useHandle(h -> h.execute("alter table messages add constraint test_refuses_poison check (content <> 'poison')"));
            try {
                var refused = post(ada, ada.messages(), single("poison"), "Idempotency-Key", "poisoned");
                assertThat(refused.statusCode()).isEqualTo(500);
            } finally {
                jdbi.useHandle(h -> h.execute("alter table messages drop constraint test_refuses_poison"));
            }
            assertThat(keysOf(ada)).isZero();
            assertThat(header(post(ada, ada.messages(), single("poison"), "Idempotency-Key", "poisoned"), "Idempotent-Replayed")).isNull();
        }
    }

    @Nested
    class Expiry {
        @Test
        void makesAKeyNewOnceItsTimeIsUp() {
            var ada = newUser();
            var first = post(ada, ada.messages(), single("first"), "Idempotency-Key", "expiring");
            CLOCK.advance(TTL.minusSeconds(1));
            assertReplayOf(first, post(ada, ada.messages(), single("first"), "Idempotency-Key", "expiring"));

            CLOCK.advance(Duration.ofSeconds(2));
            var afterExpiry = post(ada, ada.messages(), single("another request"), "Idempotency-Key", "expiring");

            assertThat(afterExpiry.statusCode()).isEqualTo(200);
            assertThat(header(afterExpiry, "Idempotent-Replayed")).isNull();
            assertReplayOf(afterExpiry, post(ada, ada.messages(), single("another request"), "Idempotency-Key", "expiring"));
            assertThat(messagesOf(ada)).isEqualTo(2);
        }

        @Test
        void deletesExpiredKeysInTheBackground() throws InterruptedException {
            var ada = newUser();
            for (int i = 0; i < 5; i++) {
                post(ada, ada.messages(), single("m" + i), "Idempotency-Key", "background-" + i);
            }
            assertThat(keysOf(ada)).isEqualTo(5);

            CLOCK.advance(TTL.plusMinutes(1));

            Instant deadline = Instant.now().plusSeconds(20);
            while (keysOf(ada) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(keysOf(ada)).as("keys left after the background deletion").isZero();
            assertThat(messagesOf(ada)).isEqualTo(5);
        }
    }

    @Nested
    class ConditionalWrites {
        @Test
        void tagTheChatWithItsNewestMessageWhateverThePage() {
            var ada = newUser();
            assertThat(header(get(ada, ada.messages()), "ETag")).isEqualTo("\"0\"");

            post(ada, ada.messages(), single("one"));
            var last = post(ada, ada.messages(), single("two"));
            String tag = header(last, "ETag");
            assertThat(tag).matches("\"[1-9][0-9]*\"").isEqualTo("\"" + lastIdOf(ada) + "\"");

            assertThat(header(get(ada, ada.messages() + "?limit=1"), "ETag")).isEqualTo(tag);
            assertThat(header(get(ada, ada.messages() + "?after=" + lastIdOf(ada)), "ETag")).isEqualTo(tag);
        }

        @Test
        void refuseAStaleIfMatchWith412OnBothRoutesAndChangeNothing() {
            var ada = newUser();
            String seen = header(post(ada, ada.messages(), single("one")), "ETag");
            String now = header(post(ada, ada.messages(), single("two")), "ETag");

            var staleAppend = post(ada, ada.messages(), single("blind"), "If-Match", seen);
            var staleRemoval = delete(ada, ada.messages() + "/last", "If-Match", seen);

            assertThat(List.of(staleAppend, staleRemoval)).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(412);
                assertThat(statusMessage(answer)).isEqualTo("Precondition Failed. The chat's newest message is not the one If-Match names.");
                assertThat(header(answer, "ETag")).isEqualTo(now);
            });
            assertThat(messagesOf(ada)).isEqualTo(2);

            var append = post(ada, ada.messages(), single("three"), "If-Match", now);
            assertThat(append.statusCode()).isEqualTo(200);
            assertThat(delete(ada, ada.messages() + "/last", "If-Match", header(append, "ETag")).statusCode()).isEqualTo(200);
            assertThat(post(ada, ada.messages(), single("any"), "If-Match", "*").statusCode()).isEqualTo(200);
            assertThat(messagesOf(ada)).isEqualTo(3);
        }

        @Test
        void appendToAnEmptyChatOnlyWhileItIsEmpty() {
            var ada = newUser();
            assertThat(post(ada, ada.messages(), single("first"), "If-Match", "\"0\"").statusCode()).isEqualTo(200);
            assertThat(post(ada, ada.messages(), single("first again"), "If-Match", "\"0\"").statusCode()).isEqualTo(412);
        }

        @Test
        void letOneOfTwoConcurrentAppendsWithTheSameTagThrough() throws Exception {
            var ada = newUser();
            post(ada, ada.messages(), single("start"));
            for (int round = 0; round < 10; round++) {
                String tag = header(get(ada, ada.messages()), "ETag");
                int r = round;

                List<HttpResponse<byte[]>> answers = concurrently(2, caller ->
                        post(ada, ada.messages(), single("tab " + caller + " round " + r), "If-Match", tag));

                assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
            }
            assertThat(messagesOf(ada)).isEqualTo(11);
        }

        @Test
        void replayAConditionalAppendWhoseTagIsStaleByNow() {
            var ada = newUser();
            var first = post(ada, ada.messages(), single("answer"), "If-Match", "\"0\"", "Idempotency-Key", "conditional");
            var retry = post(ada, ada.messages(), single("answer"), "If-Match", "\"0\"", "Idempotency-Key", "conditional");

            assertReplayOf(first, retry);
            assertThat(messagesOf(ada)).isOne();
        }

        private long lastIdOf(User user) {
            return count("select max(id) from messages where user_id = ? and chat_id = ?", user.id(), user.chat());
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T run(int caller) throws Exception;
    }

    /** Runs {@code callers} calls at once, from a common start, and answers with their results in caller order. */
    static <T> List<T> concurrently(int callers, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var barrier = new CyclicBarrier(callers);
            List<Future<T>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                Callable<T> task = () -> {
                    barrier.await();
                    return call.run(caller);
                };
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The system's time plus whatever the tests added. */
    static final class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration duration) {
            ahead = ahead.plus(duration);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
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
