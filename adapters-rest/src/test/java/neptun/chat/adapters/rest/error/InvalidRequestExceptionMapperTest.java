package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidRequestExceptionMapperTest {
    private final InvalidRequestExceptionMapper mapper = new InvalidRequestExceptionMapper();

    @Test
    void answersBadRequestWithEveryIssue() {
        var issues = List.of(Issue.required(List.of("actor")), Issue.wrongType(List.of("messages", 0), "object", "number"));

        Response response = mapper.toResponse(InvalidRequestException.invalidBody(issues));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(400,
                "Bad Request. Invalid body(message | messages).", null, Map.of("issues", issues)));
    }

    @Test
    void namesTheChatIdAsTheProblem() {
        Response response = mapper.toResponse(InvalidRequestException.invalidChatId());

        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(400, "Bad Request. Invalid chat_id.", null,
                Map.of("issues", List.of(new Issue("invalid_type", "Expected a positive integer", List.of("chat_id"))))));
    }

    @Test
    void reportsAtMostOneHundredIssues() {
        var issues = Collections.nCopies(150, Issue.required(List.of("message")));

        assertThat(InvalidRequestException.invalidBody(issues).issues()).hasSize(InvalidRequestException.MAX_ISSUES);
    }
}
