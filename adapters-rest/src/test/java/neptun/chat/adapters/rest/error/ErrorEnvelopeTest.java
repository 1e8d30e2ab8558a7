package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorEnvelopeTest {
    private final ObjectMapper mapper = Jackson.newObjectMapper();

    @Test
    void leavesOutAbsentParts() throws Exception {
        String json = mapper.writeValueAsString(new ErrorEnvelope(404, "Not Found", null, null));

        assertThat(json).isEqualTo("{\"statusCode\":404,\"statusMessage\":\"Not Found\"}");
    }

    @Test
    void writesIssuesWithTheirPaths() throws Exception {
        var envelope = new ErrorEnvelope(400, "Bad Request", "why",
                Map.of("issues", List.of(Issue.wrongType(List.of("messages", 2, "role"), "string", "number"))));

        assertThat(mapper.writeValueAsString(envelope)).isEqualTo("{\"statusCode\":400,\"statusMessage\":\"Bad Request\","
                + "\"message\":\"why\",\"data\":{\"issues\":[{\"code\":\"invalid_type\","
                + "\"message\":\"Expected string, received number\",\"path\":[\"messages\",2,\"role\"]}]}}");
    }
}
