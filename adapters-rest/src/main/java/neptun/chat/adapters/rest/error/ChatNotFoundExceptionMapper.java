package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import neptun.chat.application.port.in.ChatNotFoundException;

/** One answer for a missing chat, someone else's chat and another user's path, so none can be told apart. */
final class ChatNotFoundExceptionMapper implements ExceptionMapper<ChatNotFoundException> {
    static final String CHAT_OR_USER_NOT_FOUND = "Chat or user not found";

    @Override
    public Response toResponse(ChatNotFoundException exception) {
        return new ErrorEnvelope(Response.Status.NOT_FOUND.getStatusCode(),
                CHAT_OR_USER_NOT_FOUND, CHAT_OR_USER_NOT_FOUND, null).toResponse();
    }
}
