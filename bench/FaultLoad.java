import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of bench/faults: CONNECTIONS clients, each posting batches of BATCH messages one after another for
 * SECONDS, every message tagged with its request, and one line per answer written to OUT:
 * {@code start_ms end_ms status reason tag} (epoch milliseconds; status 0 when the connection failed, with
 * the exception's name as the reason; reason "-" when there is none). Prints {@code running} once the clients
 * have started.
 *
 * <pre>java bench/FaultLoad.java URL USER CHAT TOKEN CONNECTIONS BATCH SECONDS RUN OUT</pre>
 */
public final class FaultLoad {
    private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([a-z_]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: java FaultLoad.java URL USER CHAT TOKEN CONNECTIONS BATCH SECONDS RUN OUT");
            System.exit(2);
        }
        URI target = URI.create(args[0] + "/api/users/" + args[1] + "/chats/" + args[2] + "/messages");
        String cookie = "neptun-session=" + args[3];
        int connections = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        long until = System.currentTimeMillis() + Long.parseLong(args[6]) * 1000;
        String run = args[7];
        var lines = new ConcurrentLinkedQueue<String>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            String prefix = run + "-" + c + "-";
            // One HTTP/1.1 connection per client, as wrk keeps them.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            var client = new Thread(() -> {
                for (int n = 0; System.currentTimeMillis() < until; n++) {
                    String tag = prefix + n;
                    lines.add(send(http, target, cookie, tag, body(tag, batch)));
                }
            });
            client.start();
            clients.add(client);
        }
        System.out.println("running");
        System.out.flush();
        for (Thread client : clients) {
            client.join();
        }
        try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(args[8]), StandardCharsets.UTF_8))) {
            lines.forEach(out::println);
        }
    }

    private static String body(String tag, int batch) {
        var body = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < batch; i++) {
            body.append(i == 0 ? "" : ",").append("{\"content\":\"").append(tag).append('#').append(i)
                    .append(" A message of about the length of a short chat turn.\",\"role\":\"")
                    .append(i % 2 == 0 ? "user" : "assistant").append("\"}");
        }
        return body.append("]}").toString();
    }

    private static String send(HttpClient http, URI target, String cookie, String tag, String body) {
        long start = System.currentTimeMillis();
        int status;
        String reason = "-";
        try {
            var response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            Matcher matcher = REASON.matcher(response.body());
            if (status != 200 && matcher.find()) {
                reason = matcher.group(1);
            }
        } catch (IOException e) {
            status = 0;
            reason = e.getClass().getSimpleName();
            sleepQuietly(); // the server is gone or going: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
            reason = "interrupted";
        }
        return start + " " + System.currentTimeMillis() + " " + status + " " + reason + " " + tag;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
