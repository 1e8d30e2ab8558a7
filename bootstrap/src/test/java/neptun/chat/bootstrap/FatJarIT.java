package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a new user meets it: no configuration file, the embedded H2 database under
 * {@code ./data}, the README's walk-through of commands, then HTTP.
 */
class FatJarIT {
    private static final Path JAR = Path.of("target", "neptun-chat.jar").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void mergesTheDatabaseDriversOfFlyway() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            var entry = jar.getEntry("META-INF/services/org.flywaydb.core.extensibility.Plugin");
            String services = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(services).contains("H2DatabaseType").contains("PostgreSQLDatabaseType");
        }
    }

    @Test
    void printsItsVersion() throws Exception {
        assertThat(lastLine(run(Map.of(), "version"))).startsWith("neptun-chat ");
    }

    @Test
    void runsTheWalkThroughOnTheEmbeddedDatabase() throws Exception {
        int port = freePort();
        var env = Map.of("PORT", Integer.toString(port), "ADMIN_PORT", Integer.toString(freePort()));
        assertThat(lastLine(run(env, "add-user", "--id", "ada"))).isEqualTo("ada");
        String token = lastLine(run(env, "issue-session", "--user", "ada", "--ttl", "P1D"));
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        String chat = lastLine(run(env, "create-chat", "--user", "ada", "--name", "First chat"));
        assertThat(chat).matches("[1-9][0-9]*");
        Files.writeString(workDir.resolve("bad.jsonl"), """
                {"role": "user", "content": "stored only with the rest"}
                {"role": "wizard", "content": "hi"}
                {"role": "user"
                """);
        var refused = start(env, "import-messages", "--user", "ada", "--chat", chat, "bad.jsonl");
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String problems = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.exitValue()).isNotZero();
        assertThat(problems).contains("bad.jsonl: line 2: role: must be one of 'user', 'assistant', 'system', not 'wizard'").contains("bad.jsonl: line 3: invalid JSON")
                .contains("import-messages: 2 problem(s) found; nothing was imported").doesNotContain("\tat ");
        Files.writeString(workDir.resolve("chat.jsonl"), """
                {"role": "system", "content": "Be brief."}
                {"role": "user", "content": "What is Python?"}

                {"role": "assistant", "content": "A programming language."}
                """);
        assertThat(lastLine(run(env, "import-messages", "--user", "ada", "--chat", chat, "chat.jsonl"))).isEqualTo("3");

        // Export, import into a new chat, export again: the same roles and contents.
        assertThat(lastLine(run(env, "export-messages", "--user", "ada", "--chat", chat, "exported.jsonl"))).isEqualTo("3");
        String copy = lastLine(run(env, "create-chat", "--user", "ada", "--name", "Copy"));
        assertThat(lastLine(run(env, "import-messages", "--user", "ada", "--chat", copy, "exported.jsonl"))).isEqualTo("3");
        assertThat(lastLine(run(env, "export-messages", "--user", "ada", "--chat", copy, "again.jsonl"))).isEqualTo("3");
        assertThat(rolesAndContents(workDir.resolve("again.jsonl"))).isEqualTo(rolesAndContents(workDir.resolve("exported.jsonl")))
                .containsExactly("system: Be brief.", "user: What is Python?", "assistant: A programming language.");
        assertThat(run(env, "export-messages", "--user", "ada", "--chat", chat, "--format", "markdown"))
                .contains("# First chat\n\n## system · ").contains("\n\nA programming language.\n");

        Process server = start(env, "server");
        try {
            var http = new Http(port);
            awaitUp(http, server);
            var one = http.post(Http.messagesPath("ada", Long.parseLong(chat)), token, "{\"message\": \"hi\", \"actor\": \"user\"}");
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().get("chatMessage").get("message").asText()).isEqualTo("hi");
            var read = http.get(Http.messagesPath("ada", Long.parseLong(chat)), token);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            List<String> contents = new ArrayList<>();
            read.json().get("chatMessages").forEach(m -> contents.add(m.get("message").asText()));
            assertThat(contents).containsExactly("Be brief.", "What is Python?", "A programming language.", "hi");
            // The docs page's scripts come from the WebJar inside the jar.
            var script = http.sendForBytes(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/docs/assets/swagger-ui-bundle.js")).GET());
            assertThat(script.statusCode()).isEqualTo(200);

            // The server holds the database open; a command still works beside it.
            // A token may begin with "-"; only the --token=VALUE form keeps it from being read as an option.
            assertThat(lastLine(run(env, "revoke-session", "--token=" + token))).isEqualTo("revoked");
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.isDirectory(workDir.resolve("data"))).isTrue();
    }

    @Test
    void writesOneJsonObjectPerLogLineWithLogFormatJson() throws Exception {
        var process = start(Map.of("LOG_FORMAT", "json"), "migrate");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();

        List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            var json = Http.JSON.readTree(line);
            assertThat(json.isObject()).as(line).isTrue();
            assertThat(json.has("level") && json.has("logger") && json.has("message")).as(line).isTrue();
        }
    }

    @Test
    void refusesUnknownUsersWithOneClearLine() throws Exception {
        var process = start(Map.of(), "issue-session", "--user", "nobody");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isNotZero();
        assertThat(err).contains("user not found: nobody").doesNotContain("\tat ");
    }

    private String run(Map<String, String> env, String... args) throws Exception {
        var process = start(env, args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", args) + "\n" + err).isZero();
        return out;
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABASE_"));
        builder.environment().putAll(env);
        if (args[0].equals("server")) {
            builder.redirectOutput(workDir.resolve("server.out").toFile()).redirectError(workDir.resolve("server.err").toFile());
        }
        return builder.start();
    }

    private void awaitUp(Http http, Process server) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as(() -> serverLog()).isTrue();
            try {
                http.post("/", null, "");
                return;
            } catch (java.io.UncheckedIOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not answer within 60 s\n" + serverLog());
    }

    private String serverLog() {
        try {
            return Files.readString(workDir.resolve("server.err"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static List<String> rolesAndContents(Path jsonl) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            var node = Http.JSON.readTree(line);
            lines.add(node.get("role").asText() + ": " + node.get("content").asText());
        }
        return lines;
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
