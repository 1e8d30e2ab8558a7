package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import neptun.chat.adapters.rest.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CatchAllExceptionMapperTest {
    private final CatchAllExceptionMapper mapper = new CatchAllExceptionMapper();
    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.of(LogCapture.UNEXPECTED_ERRORS);
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    @Nested
    class ClientErrorsOfJersey {
        @Test
        void keepTheirStatus() {
            Response response = mapper.toResponse(new NotFoundException());

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
            assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(404, "Not Found", null, null));
            assertThat(log.events()).isEmpty();
        }

        @Test
        void keepTheirHeaders() {
            Response response = mapper.toResponse(new NotAllowedException("POST", new String[] {"OPTIONS"}));

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("POST");
            assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(405, "Method Not Allowed", null, null));
        }

        @Test
        void doNotRepeatTheExceptionsText() {
            Response response = mapper.toResponse(new NotSupportedException("text/plain is not com.example.Secret"));

            assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(415, "Unsupported Media Type", null, null));
        }

        @Test
        void withAnUnusualStatusStillGetAStatusMessage() {
            Response response = mapper.toResponse(new WebApplicationException(499));

            assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(499, "HTTP 499", null, null));
        }
    }

    @Nested
    class UnexpectedErrors {
        @Test
        void answerWithAnErrorIdInsteadOfDetails() {
            var failure = new IllegalStateException("SELECT secret FROM sessions");

            Response response = mapper.toResponse(failure);

            assertThat(response.getStatus()).isEqualTo(500);
            var body = (ErrorEnvelope) response.getEntity();
            String errorId = (String) body.data().get("errorId");
            assertThat(body.statusCode()).isEqualTo(500);
            assertThat(body.statusMessage()).isEqualTo("Internal Server Error");
            assertThat(body.message()).isEqualTo("An unexpected error occurred. Error id: " + errorId).doesNotContain("SELECT");
            assertThat(body.data()).containsOnlyKeys("errorId");
            assertThat(errorId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }

        @Test
        void logTheExceptionAtErrorUnderTheErrorId() {
            var failure = new IllegalStateException("boom");

            var body = (ErrorEnvelope) mapper.toResponse(failure).getEntity();

            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains((String) body.data().get("errorId"));
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
            });
        }

        @Test
        void giveEveryFailureItsOwnId() {
            var first = (ErrorEnvelope) mapper.toResponse(new RuntimeException()).getEntity();
            var second = (ErrorEnvelope) mapper.toResponse(new RuntimeException()).getEntity();

            assertThat(first.data().get("errorId")).isNotEqualTo(second.data().get("errorId"));
        }

        @Test
        void includeServerErrorsRaisedByJersey() {
            Response response = mapper.toResponse(new InternalServerErrorException());

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(((ErrorEnvelope) response.getEntity()).data()).containsKey("errorId");
            assertThat(log.events()).hasSize(1);
        }
    }
}
