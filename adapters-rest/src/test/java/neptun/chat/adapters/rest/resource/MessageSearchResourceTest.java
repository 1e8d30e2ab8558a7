package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.domain.ChatFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.in.SearchCursor;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.in.SearchLimits;
import neptun.chat.application.port.in.Snippet;
import neptun.chat.application.port.out.SearchMessagesPort;
import neptun.chat.application.service.SearchMessagesService;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search route over the real use case and a store of 5 hits (ids 5 down to 1, relevance 0.5). */
@ExtendWith(ResourceContainers.class)
class MessageSearchResourceTest {
    private static final List<SearchMessagesPort.Filters> FILTERS = new ArrayList<>();
    private static final List<Optional<SearchCursor>> CURSORS = new ArrayList<>();

    private static final SearchMessagesPort STORE = (owner, query, filters, after, limit) -> {
        FILTERS.add(filters);
        CURSORS.add(after);
        return LongStream.iterate(5, id -> id >= 1, id -> id - 1)
                .filter(id -> after.isEmpty() || id < after.get().messageId())
                .limit(limit)
                .mapToObj(id -> new SearchHit(new ChatMessage(new MessageId(id), new ChatId(123), owner,
                        new MessageContent("Is <b>Tokyo</b> & \"Kyoto\" 'far'? " + id), Actor.USER, T0), "Trip <2>",
                        new Snippet(List.of(new Snippet.Part("Is <b>", false), new Snippet.Part("Tokyo", true),
                                new Snippet.Part("</b> & \"Kyoto\" 'far'?", false))), 0.5f))
                .toList();
    };
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, RestTestSupport.useCases()
            .searchMessages(new SearchMessagesService(STORE, new SearchLimits(2, 3, 20))).build());

    @BeforeEach
    void forget() {
        FILTERS.clear();
        CURSORS.clear();
    }

    /** A search with query parameters as name, value, ...; each value reaches the server exactly as given. */
    private static Response get(String... parameters) {
        WebTarget target = resource.target("/api/users/ada/messages/search");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            target = target.queryParam(parameters[i], URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return target.request().cookie(COOKIE, SESSION).get();
    }

    @Test
    void answersHitsWithTheirChatAnEscapedSnippetAndTheWholeMessage() {
        Response response = get("q", "tokyo");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode results = json(response.readEntity(String.class)).get("results");
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.get("chat_id").asLong()).isEqualTo(123);
        assertThat(first.get("chat_name").asText()).isEqualTo("Trip <2>");
        assertThat(first.get("snippet").asText())
                .isEqualTo("Is &lt;b&gt;<mark>Tokyo</mark>&lt;/b&gt; &amp; &quot;Kyoto&quot; &#39;far&#39;?");
        assertThat(first.at("/message/id").asLong()).isEqualTo(5);
        assertThat(first.at("/message/message").asText()).isEqualTo("Is <b>Tokyo</b> & \"Kyoto\" 'far'? 5");
        assertThat(first.at("/message/created_at").asText()).isEqualTo("2026-03-20T10:00:00.123456Z");
    }

    @Test
    void linksTheNextPageWithEveryFilterAndTheCursor() {
        Response response = get("q", "tokyo \"a b\" -c", "chat_id", "123", "actor", "user", "since", "2026-01-01T00:00:00Z",
                "until", "2026-02-01T01:00:00+01:00", "limit", "2");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Link")).isEqualTo("</api/users/ada/messages/search?q=tokyo%20%22a%20b%22%20-c&chat_id=123"
                + "&actor=user&since=2026-01-01T00%3A00%3A00Z&until=2026-02-01T00%3A00%3A00Z&after=0.5_4&limit=2>; rel=\"next\"");
        assertThat(FILTERS).containsExactly(new SearchMessagesPort.Filters(Optional.of(new ChatId(123)), Optional.of(Actor.USER),
                Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.of(Instant.parse("2026-02-01T00:00:00Z"))));
    }

    @Test
    void followsTheLinksToTheLastPage() {
        List<Long> ids = new ArrayList<>();
        String next = "/api/users/ada/messages/search?q=tokyo";
        for (int page = 0; page < 5 && next != null; page++) {
            Response response = get(queryOf(next));
            assertThat(response.getStatus()).isEqualTo(200);
            json(response.readEntity(String.class)).get("results").forEach(hit -> ids.add(hit.at("/message/id").asLong()));
            String link = response.getHeaderString("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertThat(ids).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(CURSORS).containsExactly(Optional.empty(), Optional.of(new SearchCursor(0.5f, 4)), Optional.of(new SearchCursor(0.5f, 2)));
    }

    /** The query parameters of a link, decoded, as name, value, ... */
    private static String[] queryOf(String link) {
        List<String> parameters = new ArrayList<>();
        for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
            int equals = pair.indexOf('=');
            parameters.add(pair.substring(0, equals));
            parameters.add(java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters.toArray(String[]::new);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            ""                ; ""        ; invalid_type       ; q       ; Required
            q                 ; ""        ; too_small          ; q       ; String must contain at least 1 character(s)
            q                 ; "  "      ; custom             ; q       ; String must not be blank
            q                 ; a<NUL>b    ; custom             ; q       ; String must not contain NUL characters
            q                 ; xxxxxxxxxxxxxxxxxxxxx ; too_big  ; q       ; String must contain at most 20 character(s)
            q                 ; &|!:*()'  ; custom             ; q       ; Query must contain a word to find (letters or digits), not only excluded words
            q                 ; -rain     ; custom             ; q       ; Query must contain a word to find (letters or digits), not only excluded words
            chat_id           ; 0         ; invalid_type       ; chat_id ; Expected a positive integer
            actor             ; wizard    ; invalid_enum_value ; actor   ; Invalid enum value. Expected 'user' | 'assistant' | 'system', received 'wizard'
            since             ; yesterday ; custom             ; since   ; Expected an ISO-8601 date and time with an offset, such as 2026-11-25T14:00:00Z
            until             ; 2026-01-01 ; custom            ; until   ; Expected an ISO-8601 date and time with an offset, such as 2026-11-25T14:00:00Z
            after             ; 12        ; custom             ; after   ; Expected a cursor from a Link header of this route
            limit             ; 4         ; too_big            ; limit   ; Number must be less than or equal to 3
            limit             ; x         ; invalid_type       ; limit   ; Expected integer, received string
            """)
    void refusesABadQueryWithTheEnvelope(String name, String value, String code, String path, String message) {
        String text = value.replace("<NUL>", "\0");
        Response response = name.isEmpty() ? get() : name.equals("q") ? get("q", text) : get("q", "a", name, text);

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response.readEntity(String.class));
        assertThat(body.get("statusMessage").asText()).isEqualTo("Bad Request. Invalid query(actor, after, chat_id, limit, q, since, until).");
        assertThat(body.at("/data/issues")).singleElement().satisfies(issue -> {
            assertThat(issue.get("code").asText()).isEqualTo(code);
            assertThat(issue.get("path")).singleElement().satisfies(p -> assertThat(p.asText()).isEqualTo(path));
            assertThat(issue.get("message").asText()).isEqualTo(message);
        });
        assertThat(FILTERS).isEmpty();
    }

    @Test
    void refusesARepeatedQuery() {
        Response response = get("q", "a", "q", "b");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response.readEntity(String.class)).at("/data/issues/0/message").asText()).isEqualTo("Expected a single value");
    }

    @Test
    void answers404ForAnotherUsersPathAnd401WithoutASession() {
        assertThat(resource.target("/api/users/bob/messages/search").queryParam("q", "a").request().cookie(COOKIE, SESSION).get()
                .getStatus()).isEqualTo(404);
        assertThat(resource.target("/api/users/ada/messages/search").queryParam("q", "a").request().get().getStatus()).isEqualTo(401);
        assertThat(FILTERS).isEmpty();
    }
}
