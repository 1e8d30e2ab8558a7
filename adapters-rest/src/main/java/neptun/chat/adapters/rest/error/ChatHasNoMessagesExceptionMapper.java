package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import neptun.chat.application.port.in.ChatHasNoMessagesException;

/** The requester's own chat is empty; only its owner can get this answer, so it reveals nothing. */
final class ChatHasNoMessagesExceptionMapper implements ExceptionMapper<ChatHasNoMessagesException> {
    static final String NO_MESSAGES_IN_CHAT = "No messages in chat";

    @Override
    public Response toResponse(ChatHasNoMessagesException exception) {
        return new ErrorEnvelope(Response.Status.NOT_FOUND.getStatusCode(), NO_MESSAGES_IN_CHAT,
                "The chat has no messages.", null).toResponse();
    }
}
