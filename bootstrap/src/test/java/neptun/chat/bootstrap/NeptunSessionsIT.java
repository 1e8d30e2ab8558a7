package neptun.chat.bootstrap;

import static neptun.chat.bootstrap.Http.messagesPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.adapters.rest.auth.seal.TestSeals;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import neptun.chat.bootstrap.wiring.ChatConfiguration;

/** The neptun web UI's own sealed cookies, accepted beside database sessions, over HTTP on PostgreSQL. */
@ExtendWith(DropwizardExtensionsSupport.class)
class NeptunSessionsIT {
    private static final String PASSWORD = "the-web-ui-session-password-0123456789";
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();

    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB,
            ConfigOverride.config("sessions.neptun.password", PASSWORD),
            ConfigOverride.config("sessions.neptun.maxAge", "7d"));

    private static Jdbi jdbi;
    private static UseCases core;
    private Http http;

    @BeforeAll
    static void connect() {
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

    private static long chatOf(String user) {
        core.registerUser().register(new UserId(user));
        return core.createChat().create(CreateChatCommand.of(new UserId(user), "chat of " + user)).id().value();
    }

    private static long users(String id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from users where id = :id").bind("id", id).mapTo(Long.class).one());
    }

    private static long messages() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from messages").mapTo(Long.class).one());
    }

    @Test
    void acceptsAFreshSealWithANumericUserIdForOneMessageAndABatch() {
        long chat = chatOf("42");
        String cookie = TestSeals.sealedLogin(PASSWORD, 42L, Instant.now());

        var one = http.post(messagesPath("42", chat), cookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("chatMessage").get("neptun_user_id").asText()).isEqualTo("42");

        var batch = http.post(messagesPath("42", chat), cookie,
                "{\"messages\": [{\"content\": \"a\", \"role\": \"user\"}, {\"content\": \"b\", \"role\": \"assistant\"}]}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().get("chatMessages")).hasSize(2);
    }

    @Test
    void acceptsAStringUserIdAndRegistersAnUnseenUserOnItsFirstRequest() {
        String cookie = TestSeals.sealedLogin(PASSWORD, "user_2f9Xb", Instant.now());
        assertThat(users("user_2f9Xb")).isZero();

        // No chat yet: authenticated (404, not 401), and the user now exists.
        var first = http.post(messagesPath("user_2f9Xb", 1), cookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
        assertThat(first.status()).isEqualTo(404);
        assertThat(users("user_2f9Xb")).isOne();

        long chat = core.createChat().create(CreateChatCommand.of(new UserId("user_2f9Xb"), "new")).id().value();
        assertThat(http.post(messagesPath("user_2f9Xb", chat), cookie, "{\"message\": \"hi\", \"actor\": \"user\"}").status())
                .isEqualTo(200);
    }

    @Test
    void refusesExpiredForeignAndTamperedSeals() {
        long chat = chatOf("7");
        var before = messages();
        String old = TestSeals.sealedLogin(PASSWORD, 7L, Instant.now().minus(Duration.ofDays(8)));
        String expired = TestSeals.seal(PASSWORD, TestSeals.loginSession(7L, Instant.now()),
                Optional.of(Instant.now().minus(Duration.ofMinutes(2))));
        String foreign = TestSeals.sealedLogin("another-apps-session-password-9876543210", 7L, Instant.now());
        String valid = TestSeals.sealedLogin(PASSWORD, 7L, Instant.now());
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");

        for (String cookie : List.of(old, expired, foreign, tampered)) {
            var reply = http.post(messagesPath("7", chat), cookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("statusCode").asInt()).isEqualTo(401);
        }
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void randomEditsOfAValidSealAreNeverAcceptedAndNeverFail() {
        long chat = chatOf("8");
        String valid = TestSeals.sealedLogin(PASSWORD, 8L, Instant.now());
        var random = new Random(20261125L);
        var before = messages();
        for (int i = 0; i < 200; i++) {
            var edited = new StringBuilder(valid);
            int at = random.nextInt(edited.length());
            switch (random.nextInt(3)) {
                case 0 -> edited.deleteCharAt(at);
                case 1 -> edited.insert(at, "-_*.0aZ".charAt(random.nextInt(7)));
                default -> edited.setCharAt(at, "-_*.0aZ".charAt(random.nextInt(7)));
            }
            String cookie = edited.toString();
            if (cookie.equals(valid)) {
                continue;
            }
            var reply = http.post(messagesPath("8", chat), cookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
            assertThat(reply.status()).as("edit #" + i).isEqualTo(401);
        }
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void concurrentFirstRequestsOfANewUserCreateItOnce() throws Exception {
        // Distinct seals of one user, so no cached authentication hides the race.
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String cookie = TestSeals.sealedLogin(PASSWORD, 777L, Instant.now());
            requests.add(() -> new Http(APP.getLocalPort())
                    .post(messagesPath("777", 1), cookie, "{\"message\": \"hi\", \"actor\": \"user\"}").status());
        }
        var pool = Executors.newFixedThreadPool(16);
        try {
            for (var status : pool.invokeAll(requests)) {
                assertThat(status.get()).isEqualTo(404);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(users("777")).isOne();
    }

    @Test
    void databaseSessionsStillWorkBesideSeals() {
        long chat = chatOf("ada");
        String token = core.issueSession().issue(new UserId("ada"), Duration.ofHours(1)).token().value();
        assertThat(http.post(messagesPath("ada", chat), token, "{\"message\": \"hi\", \"actor\": \"user\"}").status()).isEqualTo(200);
        // A seal of another user does not open ada's chat.
        String bob = TestSeals.sealedLogin(PASSWORD, "bob", Instant.now());
        assertThat(http.post(messagesPath("ada", chat), bob, "{\"message\": \"hi\", \"actor\": \"user\"}").status()).isEqualTo(404);
    }
}
