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

/**
 * A plain HTTP client for tests against the running server: raw bodies, raw headers. Every answer from the
 * server's API port is checked against the API description the server serves ({@link ApiContract}), so each test
 * that uses it is also a contract test.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The docs page and its scripts, served beside the API. */
    private static final String DOCS_PAGE = "/docs";

    private final String base;
    /** Fetched now when the server is up, so that a test that then saturates it still has it; else at the first answer. */
    private volatile ApiContract contract;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.contract = ApiContract.servedAtIfUp(base).orElse(null);
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
            checkContract(response, response.body());
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
            var response = CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            checkContract(response, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers of this server's API port must be as its description says; the docs page and the admin port's answers
     * are not part of the API.
     */
    private void checkContract(HttpResponse<?> response, String body) {
        if (response.uri().toString().startsWith(base + "/") && !response.uri().getRawPath().startsWith(DOCS_PAGE)) {
            if (contract == null) {
                contract = ApiContract.servedAt(base);
            }
            contract.check(response.request().method(), response.uri(), response.statusCode(), response.headers(), body);
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
