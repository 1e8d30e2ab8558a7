package neptun.chat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests against the running server: raw bodies, raw headers. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        /** The target of the {@code Link} header with {@code rel="next"}, if any. */
        java.util.Optional<String> nextLink() {
            return headers.allValues("Link").stream()
                    .map(String::strip)
                    .filter(link -> link.endsWith("; rel=\"next\"") && link.startsWith("<"))
                    .map(link -> link.substring(1, link.indexOf('>')))
                    .findFirst();
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply post(String path, String cookie, String body) {
        return send(request(path, cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path, String cookie) {
        return send(request(path, cookie).GET());
    }

    Reply patch(String path, String cookie, String body) {
        return send(request(path, cookie).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String path, String cookie) {
        return send(request(path, cookie).DELETE());
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            var response = CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code builder}'s request and answers with the response's body as the bytes that came. */
    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder builder) {
        try {
            return CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String cookie) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            builder.header("Cookie", "neptun-session=" + cookie);
        }
        return builder;
    }

    /** The names of {@code node}'s fields, in order. */
    static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String messagesPath(String user, long chat) {
        return "/api/users/" + user + "/chats/" + chat + "/messages";
    }
}
