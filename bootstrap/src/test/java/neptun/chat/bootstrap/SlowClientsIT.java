package neptun.chat.bootstrap;

import static neptun.chat.bootstrap.Http.messagesPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slow and greedy clients against the running application on PostgreSQL. Slow clients send one byte every
 * 2 seconds, of their header or of their body.
 */
class SlowClientsIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    private static final long ONE_BYTE_EVERY_MILLIS = 2_000;

    private static UseCases core;

    @BeforeAll
    static void provision() {
        core = TestApp.core(TestApp.jdbi(DB));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private record User(String id, String cookie, long chat) {
        String messages() {
            return messagesPath(id, chat);
        }
    }

    private static User newUser() {
        var id = new UserId("slow-" + UUID.randomUUID());
        core.registerUser().register(id);
        String cookie = core.issueSession().issue(id, Duration.ofDays(1)).token().value();
        long chat = core.createChat().create(CreateChatCommand.of(id, "slow")).id().value();
        return new User(id.value(), cookie, chat);
    }

    /** The built-in limits, but a body read time of 1 s (10 s by default) to keep the test short. */
    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WithTheDefaults {
        static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB,
                ConfigOverride.config("messages.maxBodyReadTime", "1s"));

        @Test
        void slowClientsDoNotDelayANormalOneAndSlowBodiesAreCut() throws Exception {
            var http = new Http(APP.getLocalPort());
            var slow = newUser();
            var normal = newUser();
            assertThat(http.get(normal.messages(), normal.cookie()).status()).isEqualTo(200);

            try (var headers = new SlowClients(APP.getLocalPort(), 100, SlowClients.endlessHeader(slow.messages()), ONE_BYTE_EVERY_MILLIS);
                 var bodies = new SlowClients(APP.getLocalPort(), 100, SlowClients.bodyToCome(slow.messages(), slow.cookie(), 1_000),
                         ONE_BYTE_EVERY_MILLIS)) {
                long slowest = 0;
                int answered = 0;
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    var stored = http.post(normal.messages(), normal.cookie(), "{\"message\": \"hi\", \"actor\": \"user\"}");
                    var read = http.get(normal.messages() + "?limit=1", normal.cookie());
                    slowest = Math.max(slowest, (System.nanoTime() - start) / 2);
                    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
                    assertThat(read.status()).isEqualTo(200);
                    answered += 2;
                    Thread.sleep(100);
                }

                assertThat(Duration.ofNanos(slowest)).as("the slowest of %d normal answers", answered).isLessThan(Duration.ofSeconds(1));
                assertThat(bodies.answered("HTTP/1.1 408 ")).as("bodies slower than the read time are cut").isEqualTo(100);
                ApiContract.servedAt("http://127.0.0.1:" + APP.getLocalPort())
                        .checkRaw("POST", slow.messages(), bodies.answers("HTTP/1.1 408 ").get(0));
                assertThat(headers.answered()).as("an unfinished header is not a request yet").isZero();
            }
        }
    }

    /** At most 3 requests in flight, none queued, no minimum data rate: slow bodies hold every turn. */
    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WhenSaturated {
        static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB,
                ConfigOverride.config("requests.maxInFlight", "3"),
                ConfigOverride.config("requests.maxQueued", "0"),
                ConfigOverride.config("server.applicationConnectors[0].minRequestDataPerSecond", "0B"));

        @Test
        void answers503FastAndRecoversWhenTurnsAreFree() throws Exception {
            var http = new Http(APP.getLocalPort());
            var slow = newUser();
            var normal = newUser();

            Http.Reply refused = null;
            long refusedNanos = 0;
            try (var bodies = new SlowClients(APP.getLocalPort(), 3, SlowClients.bodyToCome(slow.messages(), slow.cookie(), 1_000),
                    ONE_BYTE_EVERY_MILLIS)) {
                Thread.sleep(500); // until they are read
                assertThat(bodies.answered()).isZero();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (refused == null && System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    var reply = http.get(normal.messages(), normal.cookie());
                    if (reply.status() == 503) {
                        refused = reply;
                        refusedNanos = System.nanoTime() - start;
                    } else {
                        assertThat(reply.status()).isEqualTo(200);
                        Thread.sleep(20);
                    }
                }
                assertThat(refused).as("a 503 once the slow bodies hold every turn").isNotNull();
                var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")).GET());
                assertThat(health.status()).as("the admin port is not capped").isEqualTo(200);
            }

            assertThat(Duration.ofNanos(refusedNanos)).isLessThan(Duration.ofMillis(500));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.json().get("statusCode").asInt()).isEqualTo(503);
            assertThat(refused.json().at("/data/requestId").asText()).isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status;
            do {
                Thread.sleep(50);
                status = http.get(normal.messages(), normal.cookie()).status();
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("served again once the slow clients are gone").isEqualTo(200);
        }
    }
}
