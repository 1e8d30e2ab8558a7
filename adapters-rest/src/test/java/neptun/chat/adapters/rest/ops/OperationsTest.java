package neptun.chat.adapters.rest.ops;

import static neptun.chat.adapters.rest.RestTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import neptun.chat.adapters.rest.LogCapture;
import neptun.chat.adapters.rest.RestAdapter;
import neptun.chat.adapters.rest.RestSettings;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request ids, request metrics, the Prometheus endpoint, the rate limit and the cap on requests in flight,
 * in a real Dropwizard server with the adapter and {@link Operations} registered as the application does.
 * Each test acts as users of its own (a session {@code as-<user>} is that user), since the rate limit counts
 * per user; it lets a user make {@value #BURST} requests at once and one more per second of the test clock.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperationsTest {
    private static final long BURST = 3;
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(1);
    private static final RequestLimits LIMITS = new RequestLimits(2, 1, QUEUE_WAIT);
    private static final Instant CREATED_AT = Instant.parse("2024-03-20T10:00:00Z");
    /** A chat whose reads wait until {@link #release} opens, to hold requests in flight. */
    private static final long BLOCKING_CHAT = 99;
    private static final Pattern GENERATED_ID = Pattern.compile("[0-9a-f]{32}");

    private static final TestClock CLOCK = new TestClock();
    private static volatile CountDownLatch entered = new CountDownLatch(0);
    private static volatile CountDownLatch release = new CountDownLatch(0);

    private static final AuthenticateSession SESSIONS = token -> token.startsWith("as-")
            ? Optional.of(new AuthenticatedSession(new UserId(token.substring(3)), RestTestSupport.SESSION_END))
            : Optional.empty();

    private static final CreateMessages ECHO = RestTestSupport.creatingMessages(command -> IntStream.range(0, command.messages().size())
            .mapToObj(i -> new ChatMessage(new MessageId(i + 1L), command.chatId(), command.owner(),
                    new MessageContent(command.messages().get(i).content()),
                    Actor.fromName(command.messages().get(i).role()).orElseThrow(), CREATED_AT))
            .toList());

    private static final ReadMessages READ = command -> {
        if (command.chatId().value() == BLOCKING_CHAT) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new MessagePage(List.of(), Optional.empty(), 0);
    };

    public static class TestApplication extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            var useCases = RestTestSupport.useCases()
                    .authenticateSession(SESSIONS)
                    .createMessages(ECHO)
                    .readMessages(READ)
                    .listChats(command -> {
                        throw new IllegalStateException("the store broke");
                    })
                    .build();
            RestAdapter.register(environment, new RestSettings("sid", Duration.ZERO, 0, 1024), useCases);
            Operations.register(environment, new OperationsSettings(LIMITS, new RateLimit(1, BURST, 100)), CLOCK);
        }
    }

    private static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(TestApplication.class, ResourceHelpers.resourceFilePath("rest-adapter-test.yml"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void echoesASaneRequestIdOnEveryAnswer() throws Exception {
        String id = "trace-7.a_B";
        var ok = send(post("/api/users/id1/chats/1/messages", "as-id1", "{\"message\": \"Hi\", \"actor\": \"user\"}").header(RequestIds.HEADER, id));
        var unauthorized = send(request("/api/users/id1/chats/1/messages", null).header(RequestIds.HEADER, id).GET());
        var notFound = send(request("/no/such/route", null).header(RequestIds.HEADER, id).GET());
        var wrongMethod = send(request("/api/users/id1/chats/1/messages", "as-id1").header(RequestIds.HEADER, id).PUT(BodyPublishers.noBody()));

        assertThat(List.of(ok.statusCode(), unauthorized.statusCode(), notFound.statusCode(), wrongMethod.statusCode()))
                .containsExactly(200, 401, 404, 405);
        for (var answer : List.of(ok, unauthorized, notFound, wrongMethod)) {
            assertThat(answer.headers().allValues(RequestIds.HEADER)).containsExactly(id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "quote\"d", "slash/ed", "x"})
    void replacesAnInsaneRequestIdWithANewOne(String offered) throws Exception {
        String sent = offered.equals("x") ? "x".repeat(129) : offered;
        String user = "id2-" + Integer.toHexString(offered.hashCode());
        var answer = send(request("/api/users/" + user + "/chats/1/messages", "as-" + user).header(RequestIds.HEADER, sent).GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).matches(GENERATED_ID));
    }

    @Test
    void givesEachRequestWithoutAnIdANewOne() throws Exception {
        var first = send(request("/api/users/id3/chats/1/messages", "as-id3").GET());
        var second = send(request("/api/users/id3/chats/1/messages", "as-id3").GET());

        String one = first.headers().firstValue(RequestIds.HEADER).orElseThrow();
        String two = second.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(one).matches(GENERATED_ID);
        assertThat(two).matches(GENERATED_ID).isNotEqualTo(one);
        assertThat(send(request("/api/users/id3/chats/1/messages", "as-id3").header(RequestIds.HEADER, "x".repeat(128)).GET())
                .headers().firstValue(RequestIds.HEADER)).hasValue("x".repeat(128));
    }

    @Test
    void putsTheRequestIdIntoTheEnvelopeOfA500AndIntoItsLogLines() throws Exception {
        HttpResponse<String> answer;
        try (var log = LogCapture.of(LogCapture.UNEXPECTED_ERRORS)) {
            answer = send(request("/api/users/id4/chats", "as-id4").header(RequestIds.HEADER, "req-500").GET());

            assertThat(log.events()).hasSize(1);
            assertThat(log.events().get(0).getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, "req-500");
        }
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue(RequestIds.HEADER)).hasValue("req-500");
        var body = json(answer.body());
        assertThat(body.at("/data/requestId").textValue()).isEqualTo("req-500");
        assertThat(body.at("/data/errorId").textValue()).isNotBlank();
        assertThat(body.get("message").textValue()).contains(body.at("/data/errorId").textValue());
    }

    @Test
    void leavesNoRequestIdBehindOnTheThread() throws Exception {
        send(request("/api/users/id5/chats/1/messages", "as-id5").header(RequestIds.HEADER, "first").GET());
        try (var log = LogCapture.of(LogCapture.UNEXPECTED_ERRORS)) {
            // Without an id of its own, a later request on any thread must not log the earlier one's.
            for (int i = 0; i < 2; i++) {
                send(request("/api/users/id5/chats", "as-id5").GET());
            }
            assertThat(log.events()).extracting(event -> event.getMDCPropertyMap().get(RequestIds.MDC_KEY))
                    .allSatisfy(id -> assertThat(id).matches(GENERATED_ID));
        }
    }

    @Test
    void publishesRequestMetricsAndEveryDropwizardMetricInThePrometheusFormat() throws Exception {
        double appendedBefore = sample(scrape().body(), "neptun_messages_appended_total");
        send(post("/api/users/m1/chats/5/messages", "as-m1", "{\"messages\": [{\"content\": \"a\", \"role\": \"user\"},"
                + " {\"content\": \"b\", \"role\": \"assistant\"}]}"));
        send(request("/api/users/m1/chats/5/messages", null).GET());
        send(request("/nowhere", null).GET());
        send(request("/nowhere", null).method("BREW", BodyPublishers.noBody()));

        var scraped = scrape();

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        String text = scraped.body();
        assertThat(text).contains("# TYPE http_server_request_duration_seconds histogram");
        String messages = "method=\"POST\",route=\"/api/users/{user_id}/chats/{chat_id}/messages\",status=\"200\"";
        assertThat(sample(text, "http_server_request_duration_seconds_count{" + messages + "}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "http_server_request_duration_seconds_bucket{" + messages + ",le=\"+Inf\"}")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("http_server_request_duration_seconds_bucket{" + messages + ",le=\"0.005\"}");
        assertThat(sample(text, "http_server_request_duration_seconds_count{method=\"GET\","
                + "route=\"/api/users/{user_id}/chats/{chat_id}/messages\",status=\"401\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "http_server_request_duration_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(text).contains("method=\"other\",route=\"unmatched\"").doesNotContain("BREW").doesNotContain("/nowhere");
        assertThat(sample(text, "neptun_messages_appended_total")).isEqualTo(appendedBefore + 2);
        // From the Dropwizard registry: Jetty's, the JVM's, and this service's own.
        assertThat(text).contains("# TYPE neptun_requests_rate_limited_total counter")
                .contains("# TYPE neptun_requests_saturated_total counter")
                .contains("neptun_requests_queued ")
                .contains("io_dropwizard_jetty_MutableServletContextHandler_requests_count ")
                .contains("org_eclipse_jetty_util_thread_QueuedThreadPool_dw_size ");
    }

    @Test
    void answers429WithRetryAfterPastTheRateLimit() throws Exception {
        double limitedBefore = sample(scrape().body(), "neptun_requests_rate_limited_total");
        for (int i = 0; i < BURST; i++) {
            assertThat(send(request("/api/users/rl/chats/1/messages", "as-rl").GET()).statusCode()).isEqualTo(200);
        }

        var limited = send(request("/api/users/rl/chats/1/messages", "as-rl").header(RequestIds.HEADER, "rl-1").GET());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue(RequestIds.HEADER)).hasValue("rl-1");
        assertThat(json(limited.body())).isEqualTo(json("{\"statusCode\": 429, \"statusMessage\": \"Too Many Requests\","
                + " \"message\": \"Too many requests. Retry after 1 second(s).\"}"));
        assertThat(send(request("/api/users/other-rl/chats/1/messages", "as-other-rl").GET()).statusCode())
                .as("another user has a bucket of their own").isEqualTo(200);

        CLOCK.advance(Duration.ofMillis(999));
        assertThat(send(request("/api/users/rl/chats/1/messages", "as-rl").GET()).statusCode()).isEqualTo(429);
        CLOCK.advance(Duration.ofMillis(1));
        assertThat(send(request("/api/users/rl/chats/1/messages", "as-rl").GET()).statusCode()).isEqualTo(200);
        assertThat(send(request("/api/users/rl/chats/1/messages", "as-rl").GET()).statusCode()).isEqualTo(429);

        CLOCK.advance(Duration.ofSeconds(BURST + 5));
        for (int i = 0; i < BURST; i++) {
            assertThat(send(request("/api/users/rl/chats/1/messages", "as-rl").GET()).statusCode())
                    .as("a full bucket again, never more than the burst").isEqualTo(200);
        }
        assertThat(send(request("/api/users/rl/chats/1/messages", "as-rl").GET()).statusCode()).isEqualTo(429);
        assertThat(sample(scrape().body(), "neptun_requests_rate_limited_total")).isEqualTo(limitedBefore + 4);
    }

    @Test
    void tellsHowLongToWaitInWholeSeconds() throws Exception {
        for (int i = 0; i < BURST; i++) {
            send(request("/api/users/rl2/chats/1/messages", "as-rl2").GET());
        }
        CLOCK.advance(Duration.ofMillis(100));

        var limited = send(request("/api/users/rl2/chats/1/messages", "as-rl2").GET());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void answers503AtOnceWhenSaturatedAndAfterTheQueueWaitWhenQueued() throws Exception {
        double saturatedBefore = sample(scrape().body(), "neptun_requests_saturated_total");
        entered = new CountDownLatch(2);
        release = new CountDownLatch(1);
        var held = List.of(sendAsync(request("/api/users/s1/chats/" + BLOCKING_CHAT + "/messages", "as-s1").GET()),
                sendAsync(request("/api/users/s2/chats/" + BLOCKING_CHAT + "/messages", "as-s2").GET()));
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("two requests in flight").isTrue();

            long queuedAt = System.nanoTime();
            var queued = sendAsync(request("/api/users/s3/chats/1/messages", "as-s3").GET());
            awaitQueued(1);
            long refusedAt = System.nanoTime();
            var refused = send(request("/api/users/s4/chats/1/messages", "as-s4").header(RequestIds.HEADER, "busy-1").GET());
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - refusedAt);
            var timedOut = queued.get(10, TimeUnit.SECONDS);
            Duration queuedFor = Duration.ofNanos(System.nanoTime() - queuedAt);

            assertThat(refused.statusCode()).as("the queue is full").isEqualTo(503);
            assertThat(refusedAfter).isLessThan(Duration.ofMillis(500));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(refused.headers().firstValue(RequestIds.HEADER)).hasValue("busy-1");
            assertThat(json(refused.body())).isEqualTo(json("{\"statusCode\": 503, \"statusMessage\": \"Service Unavailable\","
                    + " \"message\": \"The server is busy. Retry after 1 second.\", \"data\": {\"requestId\": \"busy-1\"}}"));

            assertThat(timedOut.statusCode()).as("waited its turn in vain").isEqualTo(503);
            assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(queuedFor).isGreaterThanOrEqualTo(QUEUE_WAIT).isLessThan(QUEUE_WAIT.multipliedBy(2).plusSeconds(1));
            assertThat(json(timedOut.body()).at("/data/requestId").textValue())
                    .isEqualTo(timedOut.headers().firstValue(RequestIds.HEADER).orElseThrow());
        } finally {
            release.countDown();
        }
        for (var request : held) {
            assertThat(request.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(send(request("/api/users/s5/chats/1/messages", "as-s5").GET()).statusCode()).as("turns are given back").isEqualTo(200);
        assertThat(sample(scrape().body(), "neptun_requests_saturated_total")).isEqualTo(saturatedBefore + 2);
    }

    @Test
    void resumesAQueuedRequestWhenATurnIsFree() throws Exception {
        entered = new CountDownLatch(2);
        release = new CountDownLatch(1);
        var held = List.of(sendAsync(request("/api/users/q1/chats/" + BLOCKING_CHAT + "/messages", "as-q1").GET()),
                sendAsync(request("/api/users/q2/chats/" + BLOCKING_CHAT + "/messages", "as-q2").GET()));
        HttpResponse<String> queued;
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            var waiting = sendAsync(request("/api/users/q3/chats/1/messages", "as-q3").GET());
            awaitQueued(1);
            release.countDown();
            queued = waiting.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }

        assertThat(queued.statusCode()).isEqualTo(200);
        for (var request : held) {
            assertThat(request.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private void awaitQueued(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sample(scrape("?name%5B%5D=neptun_requests_queued").body(), "neptun_requests_queued") < count) {
            assertThat(System.nanoTime()).as("a request queued").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        return scrape("");
    }

    private HttpResponse<String> scrape(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + Operations.PROMETHEUS_PATH + query))
                .timeout(Duration.ofSeconds(10)).GET().build(), BodyHandlers.ofString());
    }

    /** The value of the sample named (with labels) exactly {@code series}; 0 when absent. */
    private static double sample(String text, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private HttpRequest.Builder post(String path, String session, String body) {
        return request(path, session).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path, String session) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path));
        return session == null ? builder : builder.header("Cookie", "sid=" + session);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    /** The rate limit's clock, moved by the tests only. */
    private static final class TestClock implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong();

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
