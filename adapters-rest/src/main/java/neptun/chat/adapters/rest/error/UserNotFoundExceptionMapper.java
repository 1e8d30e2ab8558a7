package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import neptun.chat.application.port.in.UserNotFoundException;

/**
 * A user without a registration (possible only if it is removed while its session lives) gets the same
 * answer as a missing chat, without its id.
 */
final class UserNotFoundExceptionMapper implements ExceptionMapper<UserNotFoundException> {
    @Override
    public Response toResponse(UserNotFoundException exception) {
        return new ErrorEnvelope(Response.Status.NOT_FOUND.getStatusCode(), ChatNotFoundExceptionMapper.CHAT_OR_USER_NOT_FOUND,
                ChatNotFoundExceptionMapper.CHAT_OR_USER_NOT_FOUND, null).toResponse();
    }
}
