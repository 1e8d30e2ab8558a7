package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar on PostgreSQL as an operator runs it: started without its database, stopped with SIGTERM
 * while requests are in flight, killed with SIGKILL under load.
 */
class ServerProcessIT {
    private static final Path JAR = Path.of("target", "neptun-chat.jar").toAbsolutePath();
    /** {@code server.shutdownGracePeriod} in the built-in settings. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final UserId ADA = new UserId("ada");
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    private static Jdbi jdbi;
    private static String cookie;
    private static long chat;

    @TempDir
    Path workDir;
    private Process server;

    @BeforeAll
    static void provision() {
        DatabaseMigrations.migrate(DB.dataSource());
        jdbi = TestApp.jdbi(DB);
        UseCases core = TestApp.core(jdbi);
        core.registerUser().register(ADA);
        cookie = core.issueSession().issue(ADA, Duration.ofDays(1)).token().value();
        chat = core.createChat().create(CreateChatCommand.of(ADA, "the process")).id().value();
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesToStartWithoutItsDatabaseInOneLineAtOnce() throws Exception {
        long start = System.nanoTime();
        server = start(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + freePort() + "/neptun"));

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
        assertOneClearLine(Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void refusesToStartOnASilentDatabaseWithinItsConnectTimeout() throws Exception {
        try (var proxy = FaultProxy.to("127.0.0.1", postgresPort())) {
            proxy.silence();
            long start = System.nanoTime();
            server = start(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DB.name()));

            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            assertOneClearLine(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Exit status 1, fast (a JVM's start plus a connect timeout of 2 s, on a shared machine), one line, no trace. */
    private void assertOneClearLine(Duration took) throws IOException {
        String err = Files.readString(workDir.resolve("server.err"));
        assertThat(server.exitValue()).as(err).isEqualTo(1);
        assertThat(took).as("time to exit").isLessThan(Duration.ofSeconds(15));
        assertThat(err.lines().filter(line -> line.contains("cannot start"))).as(err)
                .singleElement().asString().startsWith("server: cannot start: the database is not reachable: ");
        assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContain("! at ").doesNotContain("Exception")
                .doesNotContain("ERROR");
    }

    @Test
    void finishesTheRequestsInFlightOnSigtermThenExits() throws Exception {
        var http = startServer();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (Connection locker = DriverManager.getConnection(DB.jdbcUrl(), DB.user(), DB.password())) {
            // Appends to the chat wait for this lock: the first in its statement, the others queued for the group commit.
            locker.setAutoCommit(false);
            locker.createStatement().execute("select id from chats where id = " + chat + " for update");
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "{\"message\": \"in flight " + i + "\", \"actor\": \"user\"}";
                replies.add(clients.submit(() -> http.post(Http.messagesPath("ada", chat), cookie, body)));
            }
            Thread.sleep(400);
            assertThat(replies).as("answered while the lock is held").noneMatch(Future::isDone);

            long sigterm = System.nanoTime();
            server.destroy(); // SIGTERM
            Thread.sleep(500);
            assertThat(server.isAlive()).as("still finishing its requests").isTrue();
            locker.commit();

            for (Future<Http.Reply> reply : replies) {
                assertThat(reply.get(20, TimeUnit.SECONDS).status()).as(serverLog()).isEqualTo(200);
            }
            assertThat(server.waitFor(GRACE.toSeconds() + 5, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).as("time from SIGTERM to exit").isLessThan(GRACE);
            assertThat(server.exitValue()).as("exit status after SIGTERM").isEqualTo(128 + 15);
        } finally {
            clients.shutdownNow();
        }
        int stored = jdbi.withHandle(h -> h.createQuery("select count(*) from messages where content like 'in flight %'")
                .mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(8);
        assertThat(serverLog()).contains("Stopped application@").doesNotContain("ERROR");
    }

    @Test
    void losesNoAcknowledgedMessageWhenKilled() throws Exception {
        var http = startServer();
        int writers = 8;
        int batch = 5;
        List<Map.Entry<String, List<Long>>> acknowledged = Collections.synchronizedList(new ArrayList<>());
        var killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(writers);
        try {
            for (int w = 0; w < writers; w++) {
                String prefix = "k" + w + "-";
                clients.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        String tag = prefix + n;
                        StringBuilder body = new StringBuilder("{\"messages\": [");
                        for (int i = 0; i < batch; i++) {
                            body.append(i == 0 ? "" : ", ").append("{\"content\": \"").append(tag).append('#').append(i)
                                    .append("\", \"role\": \"user\"}");
                        }
                        try {
                            var reply = http.post(Http.messagesPath("ada", chat), cookie, body.append("]}").toString());
                            if (reply.status() == 200) {
                                List<Long> ids = new ArrayList<>();
                                reply.json().get("chatMessages").forEach(m -> ids.add(m.get("id").asLong()));
                                acknowledged.add(Map.entry(tag, ids));
                            }
                        } catch (UncheckedIOException killedMeanwhile) {
                            return;
                        }
                    }
                });
            }
            // Under way for a while (a cold server on a busy machine answers its first batches slowly), bounded.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() <= 4 * writers && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            server.destroyForcibly(); // SIGKILL
            killed.set(true);
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        Map<String, List<Long>> stored = new HashMap<>();
        jdbi.withHandle(h -> h.createQuery("select id, content from messages where content like 'k%#%' order by id").mapToMap().list())
                .forEach(row -> {
                    String content = (String) row.get("content");
                    stored.computeIfAbsent(content.substring(0, content.indexOf('#')), t -> new ArrayList<>())
                            .add(((Number) row.get("id")).longValue());
                });
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThan(writers);
        for (var ack : acknowledged) {
            assertThat(stored.get(ack.getKey())).as("stored ids of acknowledged batch %s", ack.getKey()).isEqualTo(ack.getValue());
        }
        assertThat(stored).as("batches stored, each whole").allSatisfy((tag, ids) -> assertThat(ids).hasSize(batch));
    }

    private Http startServer() throws Exception {
        int port = freePort();
        server = start(Map.of("DATABASE_URL", DB.jdbcUrl(), "PORT", Integer.toString(port)));
        var http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as(this::serverLog).isTrue();
            try {
                http.get("/", null);
                return http;
            } catch (UncheckedIOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not answer within 60 s\n" + serverLog());
    }

    private Process start(Map<String, String> env) throws IOException {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "server");
        var builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("server.out").toFile())
                .redirectError(workDir.resolve("server.err").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABASE_"));
        builder.environment().put("DATABASE_USER", DB.user());
        builder.environment().put("DATABASE_PASSWORD", DB.password());
        builder.environment().put("PORT", Integer.toString(freePort()));
        builder.environment().put("ADMIN_PORT", Integer.toString(freePort()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private String serverLog() {
        try {
            return Files.readString(workDir.resolve("server.err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int postgresPort() {
        int port = URI.create(DB.jdbcUrl().substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
