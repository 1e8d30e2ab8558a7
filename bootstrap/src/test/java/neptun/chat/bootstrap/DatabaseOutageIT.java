package neptun.chat.bootstrap;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service while its database fails, through a {@link FaultProxy} between the application (in-process)
 * and PostgreSQL, under concurrent writers and readers: a database that refuses connections, one that goes
 * silent, and one that restarts while nobody uses the service. Short time limits keep the runs short.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    private static final FaultProxy PROXY = proxyTo(DB);
    /**
     * The longest a request sent during an outage may wait for the database with the settings below: a
     * second in the group commit's queue, then a statement's socket limit of two seconds.
     */
    private static final Duration BOUND = Duration.ofSeconds(3);
    /** Generous, for a shared machine: twice the bound (requests already waiting when the database went away). */
    private static final Duration LONGEST_ANSWER = BOUND.multipliedBy(2);
    /** Requests sent once the database is away: the bound, and a second for a shared machine. */
    private static final Duration LONGEST_NEW_ANSWER = BOUND.plusSeconds(1);
    private static final int BATCH = 3;
    private static final Set<String> REASONS = Set.of("unreachable", "timeout", "busy", "outcome_unknown");

    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB, "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/" + DB.name(),
            config("databaseTimeouts.connect", "1s"),
            config("databaseTimeouts.statement", "1s"),
            config("databaseTimeouts.socket", "2s"),
            config("databaseTimeouts.queue", "1s"),
            config("database.maxWaitForConnection", "1s"),
            // Every request looks its session up: the authentication's wait is bounded too.
            config("sessions.cacheTtl", "0s"));

    private static final UserId ADA = new UserId("ada");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Jdbi jdbi;
    private static String cookie;
    private static long chat;
    private Http http;

    @BeforeAll
    static void provision() {
        jdbi = TestApp.jdbi(DB);
        UseCases core = TestApp.core(jdbi);
        core.registerUser().register(ADA);
        cookie = core.issueSession().issue(ADA, Duration.ofDays(1)).token().value();
        chat = core.createChat().create(CreateChatCommand.of(ADA, "under faults")).id().value();
    }

    @AfterAll
    static void dropDatabase() {
        PROXY.close();
        DB.close();
    }

    @BeforeEach
    void client() throws IOException {
        PROXY.restore();
        http = new Http(APP.getLocalPort());
    }

    @AfterEach
    void restore() throws IOException {
        PROXY.restore();
    }

    @Test
    void answersEveryRequestWhileTheDatabaseRefusesConnectionsAndRecoversWithinFiveSeconds() throws Exception {
        try (var load = new Load(6, 2)) {
            load.runUntilAnswered(6, Duration.ofSeconds(20));
            long faultAt = System.nanoTime();
            PROXY.refuse();
            load.runFor(Duration.ofMillis(1_500));
            assertThat(healthStatus()).as("health check during the outage").isEqualTo(500);
            load.runFor(Duration.ofMillis(2_500));
            long restoredAt = System.nanoTime();
            PROXY.restore();
            load.runUntilRecovered(restoredAt, Duration.ofSeconds(5));

            assertAnsweredThroughTheOutage(load.stop(), faultAt, restoredAt, Duration.ofSeconds(5));
        }
        assertHealthyWithin(Duration.ofSeconds(5));
    }

    @Test
    void answersEveryRequestWhileTheDatabaseIsSilentAndReplacesTheStuckConnections() throws Exception {
        try (var load = new Load(6, 2)) {
            load.runUntilAnswered(6, Duration.ofSeconds(20));
            long faultAt = System.nanoTime();
            PROXY.silence();
            load.runFor(Duration.ofMillis(2_500));
            assertThat(healthStatus()).as("health check while the database is silent").isEqualTo(500);
            load.runFor(Duration.ofMillis(2_500));
            long restoredAt = System.nanoTime();
            PROXY.restore();
            load.runUntilRecovered(restoredAt, Duration.ofSeconds(10));

            List<Answer> answers = load.stop();
            assertAnsweredThroughTheOutage(answers, faultAt, restoredAt, Duration.ofSeconds(10));
            assertThat(answers).filteredOn(a -> a.startNanos > faultAt && a.endNanos < restoredAt)
                    .as("answers during the silence").isNotEmpty().allSatisfy(a -> assertThat(a.status).isEqualTo(503));
        }
        assertHealthyWithin(Duration.ofSeconds(10));
    }

    @Test
    void handsNoDeadConnectionToTheFirstRequestsAfterAQuietOutage() throws Exception {
        try (var load = new Load(4, 0)) {
            load.runFor(Duration.ofSeconds(1)); // the pool now holds idle connections
        }
        int before = PROXY.openConnections();
        PROXY.refuse(); // the database restarts: every connection the pool holds is dead
        Thread.sleep(2_000);
        PROXY.restore();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(post("quiet-" + i).status);
        }

        assertThat(before).as("connections the pool held").isPositive();
        assertThat(statuses).as("the first requests after the restart").containsOnly(200);
        assertThat(healthStatus()).isEqualTo(200);
    }

    /**
     * What every outage must look like from outside: only 200 and 503 (with {@code Retry-After} and the
     * envelope), each within twice the bound and those sent during the outage within the bound (plus a
     * second), 503s while the database was away, a 200 soon after it came back and none but 200s from then
     * on; in the database, every acknowledged batch whole, nothing of a batch that was answered "nothing was
     * stored", and no batch in part.
     */
    private void assertAnsweredThroughTheOutage(List<Answer> answers, long faultAt, long restoredAt, Duration recovery) {
        assertThat(answers).filteredOn(a -> a.endNanos < faultAt).as("answers before the outage")
                .isNotEmpty().allSatisfy(a -> assertThat(a.status).isEqualTo(200));
        for (Answer answer : answers) {
            assertThat(answer.status).as("status of %s", answer).isIn(200, 503);
            assertThat(answer.duration()).as("time to answer %s", answer).isLessThanOrEqualTo(LONGEST_ANSWER);
            if (answer.status == 503) {
                assertThat(answer.retryAfter).as("Retry-After of %s", answer).contains("2");
                assertThat(answer.body.get("statusCode").asInt()).isEqualTo(503);
                assertThat(answer.body.get("statusMessage").asText()).isEqualTo("Service Unavailable. The database is not reachable.");
                assertThat(answer.body.at("/data/reason").asText()).isIn(REASONS);
            }
        }
        assertThat(answers).filteredOn(a -> a.startNanos > faultAt && a.startNanos < restoredAt).as("answers sent during the outage")
                .allSatisfy(a -> assertThat(a.duration()).as("time to answer %s", a).isLessThanOrEqualTo(LONGEST_NEW_ANSWER));
        assertThat(answers).filteredOn(a -> a.status == 503).as("503s during the outage").isNotEmpty();
        Optional<Answer> firstAfter = answers.stream().filter(a -> a.startNanos >= restoredAt && a.status == 200)
                .min((a, b) -> Long.compare(a.endNanos, b.endNanos));
        assertThat(firstAfter).as("a 200 after the database came back").isPresent();
        assertThat(Duration.ofNanos(firstAfter.get().endNanos - restoredAt)).as("time to the first 200").isLessThanOrEqualTo(recovery);
        assertThat(answers).filteredOn(a -> a.startNanos > firstAfter.get().endNanos + TimeUnit.SECONDS.toNanos(1))
                .as("answers a second after recovering").allSatisfy(a -> assertThat(a.status).isEqualTo(200));

        Map<String, List<Long>> stored = storedIdsByTag();
        for (Answer write : answers.stream().filter(a -> a.tag != null).toList()) {
            List<Long> ids = stored.getOrDefault(write.tag, List.of());
            if (write.status == 200) {
                assertThat(ids).as("stored ids of acknowledged %s", write).isEqualTo(write.ids());
            } else if (write.body.at("/data/reason").asText().equals("outcome_unknown")) {
                assertThat(ids).as("stored messages of %s, whose outcome is unknown", write).satisfiesAnyOf(all -> assertThat(all).isEmpty(), all -> assertThat(all).hasSize(BATCH));
            } else {
                assertThat(ids).as("stored messages of %s, answered as not stored", write).isEmpty();
            }
        }
        assertThat(stored).as("batches stored, each whole").allSatisfy((tag, ids) -> assertThat(ids).hasSize(BATCH));
    }

    private Map<String, List<Long>> storedIdsByTag() {
        var rows = jdbi.withHandle(h -> h.createQuery("select id, content from messages where chat_id = :chat order by id")
                .bind("chat", chat).mapToMap().list());
        Map<String, List<Long>> byTag = new HashMap<>();
        for (var row : rows) {
            String content = (String) row.get("content");
            byTag.computeIfAbsent(content.substring(0, content.indexOf('#')), t -> new ArrayList<>()).add(((Number) row.get("id")).longValue());
        }
        return byTag;
    }

    private int healthStatus() {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertHealthyWithin(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = healthStatus();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = healthStatus();
        }
        assertThat(status).as("health check after the database came back").isEqualTo(200);
    }

    /** One answer: to a write of a batch tagged {@code tag}, or to a read ({@code tag} null). */
    record Answer(String tag, long startNanos, long endNanos, int status, Optional<String> retryAfter, JsonNode body) {
        Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            body.get("chatMessages").forEach(m -> ids.add(m.get("id").asLong()));
            return ids;
        }

        @Override
        public String toString() {
            return (tag == null ? "a read" : "write " + tag) + " (" + status + " after " + duration().toMillis() + " ms: " + body + ")";
        }
    }

    private Answer post(String tag) {
        StringBuilder body = new StringBuilder("{\"messages\": [");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"content\": \"").append(tag).append('#').append(i).append("\", \"role\": \"user\"}");
        }
        long start = System.nanoTime();
        var reply = http.post(Http.messagesPath("ada", chat), cookie, body.append("]}").toString());
        return new Answer(tag, start, System.nanoTime(), reply.status(), reply.headers().firstValue("Retry-After"), reply.json());
    }

    private Answer read() {
        long start = System.nanoTime();
        var reply = http.get(Http.messagesPath("ada", chat) + "?limit=5", cookie);
        return new Answer(null, start, System.nanoTime(), reply.status(), reply.headers().firstValue("Retry-After"), reply.json());
    }

    /** Writers and readers sending one request after another, each answer recorded, until stopped. */
    private final class Load implements AutoCloseable {
        private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

        Load(int writers, int readers) {
            for (int w = 0; w < writers; w++) {
                String prefix = "w" + w + "-" + System.nanoTime() % 1_000_000 + "-";
                start(n -> post(prefix + n));
            }
            for (int r = 0; r < readers; r++) {
                start(n -> read());
            }
        }

        private void start(java.util.function.IntFunction<Answer> request) {
            var thread = new Thread(() -> {
                try {
                    for (int n = 0; !stopping.get(); n++) {
                        answers.add(request.apply(n));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }

        void runFor(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
            assertThat(failures).as("failures of the load itself").isEmpty();
        }

        /** Runs on until a second of answers after the first 200 sent after {@code restoredAt}, or {@code limit} plus that second. */
        /** Until {@code count} requests were answered 200 (a cold or busy server may take a while), at most {@code limit}. */
        void runUntilAnswered(int count, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && answersSnapshot().stream().filter(a -> a.status == 200).count() < count) {
                Thread.sleep(50);
            }
        }

        void runUntilRecovered(long restoredAt, Duration limit) throws InterruptedException {
            long deadline = restoredAt + limit.toNanos();
            while (System.nanoTime() < deadline && answersSnapshot().stream().noneMatch(a -> a.startNanos >= restoredAt && a.status == 200)) {
                Thread.sleep(50);
            }
            runFor(Duration.ofMillis(1_500));
        }

        private List<Answer> answersSnapshot() {
            synchronized (answers) {
                return List.copyOf(answers);
            }
        }

        /** Stops sending, waits for the answers in flight and returns every answer. */
        List<Answer> stop() throws InterruptedException {
            stopping.set(true);
            for (Thread thread : threads) {
                thread.join(LONGEST_ANSWER.plusSeconds(30).toMillis());
                assertThat(thread.isAlive()).as("a load thread still waiting for an answer").isFalse();
            }
            assertThat(failures).as("failures of the load itself").isEmpty();
            return answersSnapshot();
        }

        @Override
        public void close() throws InterruptedException {
            if (!stopping.get()) {
                stop();
            }
        }
    }

    private static FaultProxy proxyTo(PostgresTestDatabase database) {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        try {
            return FaultProxy.to(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
