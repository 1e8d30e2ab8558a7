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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators see of the running application on PostgreSQL: the Prometheus endpoint on the admin port,
 * request ids, and the per-user rate limit (here 2 requests at once, then 1 a second).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperationsIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();

    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB,
            ConfigOverride.config("rateLimit.perSecond", "1"),
            ConfigOverride.config("rateLimit.burst", "2"));

    private static UseCases core;
    private Http http;

    @BeforeAll
    static void provision() {
        core = TestApp.core(TestApp.jdbi(DB));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    private record User(String id, String cookie, long chat) {
    }

    private static User newUser() {
        var id = new UserId("ops-" + UUID.randomUUID());
        core.registerUser().register(id);
        String cookie = core.issueSession().issue(id, Duration.ofDays(1)).token().value();
        long chat = core.createChat().create(CreateChatCommand.of(id, "metrics")).id().value();
        return new User(id.value(), cookie, chat);
    }

    @Test
    void publishesRequestsMessagesPoolAndJettyMetricsInThePrometheusTextFormat() {
        var ada = newUser();
        double appendedBefore = sample(scrape(), "neptun_messages_appended_total");
        var stored = http.post(messagesPath(ada.id(), ada.chat()), ada.cookie(),
                "{\"messages\": [{\"content\": \"a\", \"role\": \"user\"}, {\"content\": \"b\", \"role\": \"assistant\"},"
                        + " {\"content\": \"c\", \"role\": \"user\"}]}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(http.get(messagesPath(ada.id(), ada.chat()), null).status()).isEqualTo(401);

        String route = "route=\"/api/users/{user_id}/chats/{chat_id}/messages\"";
        // A request is counted once its answer is sent, so the count may trail the answer a little.
        String text = scrapeUntil(t -> sample(t, "http_server_request_duration_seconds_count{method=\"GET\"," + route + ",status=\"401\"}") >= 1);

        assertThat(sample(text, "http_server_request_duration_seconds_count{method=\"POST\"," + route + ",status=\"200\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "http_server_request_duration_seconds_count{method=\"GET\"," + route + ",status=\"401\"}")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("# TYPE http_server_request_duration_seconds histogram");
        assertThat(sample(text, "neptun_messages_appended_total")).isEqualTo(appendedBefore + 3);
        assertThat(text)
                .contains("# TYPE neptun_requests_rate_limited_total counter")
                .contains("# TYPE neptun_requests_saturated_total counter")
                .contains("io_dropwizard_db_ManagedPooledDataSource_database_active ")
                .contains("io_dropwizard_db_ManagedPooledDataSource_database_waiting ")
                .contains("io_dropwizard_db_ManagedPooledDataSource_database_size ")
                .contains("io_dropwizard_jetty_MutableServletContextHandler_5xx_responses_total ")
                .contains("org_eclipse_jetty_util_thread_QueuedThreadPool_dw_size ");
    }

    @Test
    void echoesTheRequestId() {
        var ada = newUser();
        var reply = http.send(http.request(messagesPath(ada.id(), ada.chat()), ada.cookie()).header("X-Request-Id", "client-42").GET());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Request-Id")).hasValue("client-42");
        assertThat(http.get(messagesPath(ada.id(), ada.chat()), ada.cookie()).headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void limitsEachUserToTheConfiguredRate() {
        var ada = newUser();
        var bob = newUser();
        double limitedBefore = sample(scrape(), "neptun_requests_rate_limited_total");
        assertThat(http.get(messagesPath(bob.id(), bob.chat()), bob.cookie()).status()).as("warm").isEqualTo(200);

        var first = http.get(messagesPath(ada.id(), ada.chat()), ada.cookie());
        var second = http.get(messagesPath(ada.id(), ada.chat()), ada.cookie());
        var third = http.get(messagesPath(ada.id(), ada.chat()), ada.cookie());

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(third.json().get("statusCode").asInt()).isEqualTo(429);
        assertThat(http.get(messagesPath(bob.id(), bob.chat()), bob.cookie()).status()).as("bob's own bucket").isEqualTo(200);
        assertThat(sample(scrape(), "neptun_requests_rate_limited_total")).isEqualTo(limitedBefore + 1);
    }

    private String scrape() {
        var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics/prometheus")).GET());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        return reply.body();
    }

    private String scrapeUntil(java.util.function.Predicate<String> done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        String text = scrape();
        while (!done.test(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            text = scrape();
        }
        return text;
    }

    private static double sample(String text, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
