package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import neptun.chat.application.port.in.IdempotencyKeyInUseException;
import neptun.chat.application.port.in.IdempotencyKeyReusedException;
import neptun.chat.application.port.in.LastMessageChangedException;
import org.junit.jupiter.api.Test;

/** The answers of safe retries and conditional writes that went wrong. */
class RetryExceptionMappersTest {
    @Test
    void answersAKeyUsedForAnotherRequestWith422() {
        Response response = new IdempotencyKeyReusedExceptionMapper().toResponse(new IdempotencyKeyReusedException());

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(422,
                "Unprocessable Content. The Idempotency-Key was used for another request.",
                "This Idempotency-Key came before with another method, route or body. Send a new key for a new request.", null));
    }

    @Test
    void answersAKeyInUseWith409AndRetryAfterOneSecond() {
        Response response = new IdempotencyKeyInUseExceptionMapper().toResponse(new IdempotencyKeyInUseException());

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(409, "Conflict. A request with this Idempotency-Key is in progress.",
                "Send the request again in a moment: it will be answered as the first one was.", null));
    }

    @Test
    void answersAStaleIfMatchWith412AndTheChatsTagNow() {
        Response response = new LastMessageChangedExceptionMapper().toResponse(new LastMessageChangedException(7));

        assertThat(response.getStatus()).isEqualTo(412);
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"7\"");
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(412,
                "Precondition Failed. The chat's newest message is not the one If-Match names.",
                "The chat changed since it was read; its tag is now \"7\".", Map.of("etag", "\"7\"")));
    }

    @Test
    void tagsAChatWithItsNewestMessage() {
        assertThat(EntityTags.of(0)).isEqualTo("\"0\"");
        assertThat(EntityTags.of(42)).isEqualTo("\"42\"");
    }
}
