package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import neptun.chat.application.port.in.ChatNotFoundException;
import org.junit.jupiter.api.Test;

class ChatNotFoundExceptionMapperTest {
    @Test
    void answersNotFoundWithoutSayingWhetherTheChatExists() {
        Response response = new ChatNotFoundExceptionMapper().toResponse(new ChatNotFoundException());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(404, "Chat or user not found", "Chat or user not found", null));
    }
}
