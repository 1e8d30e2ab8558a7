package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import neptun.chat.application.port.in.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidRequestExceptionMapperTest {
    private final InvalidRequestExceptionMapper mapper = new InvalidRequestExceptionMapper();

    @Test
    void answersBadRequestWithEveryIssue() {
        var issues = List.of(Issue.required(List.of("actor")), Issue.wrongType(List.of("messages", 0), "object", "number"));

        Response response = mapper.toResponse(InvalidRequestException.invalid(RequestPart.MESSAGES_BODY, issues));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(400,
                "Bad Request. Invalid body(message | messages).", null, Map.of("issues", issues)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "MESSAGES_BODY  ; Bad Request. Invalid body(message | messages).",
        "CHAT_BODY      ; Bad Request. Invalid body(model, name).",
        "MESSAGES_QUERY ; Bad Request. Invalid query(after, limit).",
        "CHATS_QUERY    ; Bad Request. Invalid query(limit, order_by).",
        "SEARCH_QUERY   ; Bad Request. Invalid query(actor, after, chat_id, limit, q, since, until).",
        "EXPORT_QUERY   ; Bad Request. Invalid query(format).",
        "CHAT_ID        ; Bad Request. Invalid chat_id.",
        "UNNAMED        ; Bad Request."})
    void namesThePartOfTheRequest(RequestPart part, String statusMessage) {
        Response response = mapper.toResponse(InvalidRequestException.invalid(part, List.of(Issue.required(List.of()))));

        assertThat(((ErrorEnvelope) response.getEntity()).statusMessage()).isEqualTo(statusMessage);
    }

    @Test
    void namesTheChatIdAsTheProblem() {
        Response response = mapper.toResponse(InvalidRequestException.invalidChatId());

        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(400, "Bad Request. Invalid chat_id.", null,
                Map.of("issues", List.of(new Issue("invalid_type", "Expected a positive integer", List.of("chat_id"))))));
    }

    @Test
    void reportsAtMostAsManyIssuesAsTheApplicationReportsViolations() {
        var issues = Collections.nCopies(150, Issue.required(List.of("message")));

        assertThat(InvalidRequestException.invalid(RequestPart.MESSAGES_BODY, issues).issues())
                .hasSize(InvalidInputException.MAX_VIOLATIONS).hasSize(100);
    }
}
