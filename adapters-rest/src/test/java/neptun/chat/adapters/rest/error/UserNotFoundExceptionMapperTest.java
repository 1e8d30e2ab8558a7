package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Test;

class UserNotFoundExceptionMapperTest {
    @Test
    void answersLikeAMissingChatWithoutNamingTheUser() {
        Response response = new UserNotFoundExceptionMapper().toResponse(new UserNotFoundException(new UserId("secret-user")));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(404, "Chat or user not found", "Chat or user not found", null));
    }
}
