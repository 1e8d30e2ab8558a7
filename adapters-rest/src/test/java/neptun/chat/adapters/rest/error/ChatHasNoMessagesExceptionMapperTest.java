package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import org.junit.jupiter.api.Test;

class ChatHasNoMessagesExceptionMapperTest {
    @Test
    void answersNotFoundWithAMessageOfItsOwn() {
        Response response = new ChatHasNoMessagesExceptionMapper().toResponse(new ChatHasNoMessagesException());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(404, "No messages in chat", "The chat has no messages.", null));
    }
}
