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
import java.util.List;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.in.SearchLimits;
import neptun.chat.application.port.in.Snippet;
import neptun.chat.application.service.SearchMessagesService;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Generated search queries (every character, operators, quotes, NUL, broken percent-encoding) over the real
 * use case: each is answered 200 or a 400 envelope, never a 500. The store echoes one hit whose snippet is the
 * query's own wanted words, so generated text reaches the snippet's HTML too.
 */
@AddLifecycleHook(ResourceContainers.class)
class SearchQueriesPropertyTest {
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, RestTestSupport.useCases()
            .searchMessages(new SearchMessagesService((owner, query, filters, after, limit) -> List.of(new SearchHit(
                    new ChatMessage(new MessageId(1), new ChatId(1), owner, new MessageContent(String.join(" ", query.wantedWords())),
                            Actor.USER, T0), "<chat>", new Snippet(List.of(new Snippet.Part("<", false),
                    new Snippet.Part(String.join(" ", query.wantedWords()), true), new Snippet.Part(">", false))), 0.5f)),
                    SearchLimits.DEFAULT))
            .build());

    @Property(tries = 300)
    void answersEveryQueryWithResultsOrAnEnvelope(@ForAll("queries") String q, @ForAll("others") String actor, @ForAll("others") String after) {
        WebTarget target = resource.target("/api/users/ada/messages/search").queryParam("q", URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (!actor.isEmpty()) {
            target = target.queryParam("actor", URLEncoder.encode(actor, StandardCharsets.UTF_8));
        }
        if (!after.isEmpty()) {
            target = target.queryParam("after", URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        Response response = target.request().cookie(COOKIE, SESSION).get();

        int status = response.getStatus();
        String text = response.readEntity(String.class);
        assertThat(status).as(text).isIn(200, 400);
        JsonNode body = json(text);
        if (status == 400) {
            assertThat(body.get("statusCode").intValue()).isEqualTo(400);
            assertThat(body.at("/data/issues").size()).isPositive();
        } else {
            String snippet = body.at("/results/0/snippet").asText();
            assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">", "\"", "'");
        }
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(
                Arbitraries.of("tokyo", "\"cherry blossom", "-rain", "a & b", "!x", "x:*", "(y)", "'z'", "<script>alert(1)</script>",
                        "or", "a or -b", "\"\"", "\\", "%", "%00", "\u0000", "😀", "e-mail", "-\"a b\"", " ", ""),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("ab \"-&|!:*()'<>\\\u0000\uD800").ofMaxLength(20),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1_001));
    }

    @Provide
    Arbitrary<String> others() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("user", "wizard", "0.5_7", "NaN_1", "1_0"),
                Arbitraries.strings().all().ofMaxLength(10));
    }
}
