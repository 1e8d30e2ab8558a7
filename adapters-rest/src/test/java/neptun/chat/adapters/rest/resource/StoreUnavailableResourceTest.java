package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.out.StoreOutcomeUnknownException;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.application.port.out.StoreUnavailableException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A database that cannot be reached, wherever a request meets it, answers 503 with Retry-After, never 500. */
@ExtendWith(ResourceContainers.class)
class StoreUnavailableResourceTest {
    private static final String MESSAGES = "/api/users/ada/chats/123/messages";
    private static final String SESSION_OF_A_STORE_THAT_TIMES_OUT = "session-of-a-store-that-times-out";

    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, RestTestSupport.useCases()
            .authenticateSession(token -> {
                if (SESSION_OF_A_STORE_THAT_TIMES_OUT.equals(token)) {
                    throw new StoreUnavailableException(Reason.TIMEOUT, "the database did not answer in time: Read timed out", null);
                }
                return RestTestSupport.SESSIONS.authenticate(token);
            })
            .createMessages(RestTestSupport.creatingMessages(command -> {
                throw new StoreOutcomeUnknownException("the connection to the database was lost while a write was under way", null);
            }))
            .readMessages(command -> {
                throw new StoreUnavailableException(Reason.UNREACHABLE, "the database is not reachable: Connection refused", null);
            })
            .build());

    @Test
    void aWriteOfUnknownOutcome() {
        Response response = resource.target(MESSAGES).request().cookie(COOKIE, SESSION)
                .post(Entity.entity("{\"message\": \"hi\", \"actor\": \"user\"}", MediaType.APPLICATION_JSON_TYPE));

        JsonNode body = assertServiceUnavailable(response);
        assertThat(body.at("/data/reason").asText()).isEqualTo("outcome_unknown");
        assertThat(body.get("message").asText()).contains("same Idempotency-Key");
    }

    @Test
    void aRead() {
        JsonNode body = assertServiceUnavailable(resource.target(MESSAGES).request().cookie(COOKIE, SESSION).get());

        assertThat(body.at("/data/reason").asText()).isEqualTo("unreachable");
    }

    @Test
    void theSessionLookup() {
        JsonNode body = assertServiceUnavailable(resource.target(MESSAGES).request().cookie(COOKIE, SESSION_OF_A_STORE_THAT_TIMES_OUT).get());

        assertThat(body.at("/data/reason").asText()).isEqualTo("timeout");
    }

    private static JsonNode assertServiceUnavailable(Response response) {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        String text = response.readEntity(String.class);
        assertThat(text).doesNotContain("Read timed out").doesNotContain("Connection refused");
        JsonNode body = json(text);
        assertThat(body.get("statusCode").asInt()).isEqualTo(503);
        assertThat(body.get("statusMessage").asText()).isEqualTo("Service Unavailable. The database is not reachable.");
        return body;
    }
}
