package neptun.chat.adapters.rest.error;

import com.codahale.metrics.MetricRegistry;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whichever route's use case refuses its input, the answer is a 400 in the envelope, never a 500. */
@ExtendWith(ResourceContainers.class)
class InvalidInputExceptionMapperTest {
    private static final InvalidInputException REFUSAL = new InvalidInputException(List.of(
            Violation.beyond(InputPath.of(InputField.LIMIT), Kind.TOO_HIGH, 1000),
            Violation.of(InputPath.of(2, InputField.CONTENT), Kind.BLANK)));

    private static final ResourceExtension resource = withErrorMappers(ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .addResource(new Routes()))
            .build();

    /** Routes whose use case refuses its input. */
    @Path("/")
    public static final class Routes {
        @GET
        @Path("query")
        @InputFrom(RequestPart.CHATS_QUERY)
        public String named() {
            throw REFUSAL;
        }

        @GET
        @Path("forgotten")
        public String unnamed() {
            throw REFUSAL;
        }

        @GET
        @Path("single")
        @InputFrom(RequestPart.MESSAGES_BODY)
        public String single() {
            throw InvalidRequestException.refused(
                    new InvalidInputException(List.of(Violation.notOneOf(InputPath.of(0, InputField.ROLE), List.of("user"), "robot"))),
                    RequestPart.MESSAGES_BODY, WireNames.SINGLE_MESSAGE);
        }
    }

    @Test
    void namesThePartOfTheRequestTheRouteReadsAndPlacesEachViolation() {
        JsonNode body = answer("/query");

        assertThat(body).isEqualTo(json("""
                {"statusCode": 400, "statusMessage": "Bad Request. Invalid query(limit, order_by).", "data": {"issues": [
                  {"code": "too_big", "message": "Number must be less than or equal to 1000", "path": ["limit"]},
                  {"code": "custom", "message": "String must not be blank", "path": ["messages", 2, "content"]}]}}"""));
    }

    @Test
    void answersBadRequestAlsoForARouteThatNamesNoPart() {
        JsonNode body = answer("/forgotten");

        assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request.");
        assertThat(body.at("/data/issues")).hasSize(2);
    }

    @Test
    void placesARefusalByTheNamesTheRouteGivesIt() {
        JsonNode body = answer("/single");

        assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(message | messages).");
        assertThat(body.at("/data/issues/0/path")).isEqualTo(json("[\"actor\"]"));
    }

    private static JsonNode answer(String path) {
        Response response = resource.target(path).request().get();
        assertThat(response.getStatus()).isEqualTo(400);
        return json(response.readEntity(String.class));
    }

    private static ResourceExtension.Builder withErrorMappers(ResourceExtension.Builder builder) {
        ErrorMappers.all(new MetricRegistry()).forEach(builder::addProvider);
        return builder;
    }
}
