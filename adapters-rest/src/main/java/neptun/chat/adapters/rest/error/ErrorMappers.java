package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Every exception mapper of the adapter; together they replace Dropwizard's default mappers. */
public final class ErrorMappers {
    private ErrorMappers() {
    }

    public static List<ExceptionMapper<?>> all() {
        return List.of(new InvalidRequestExceptionMapper(), new InvalidInputExceptionMapper(), new ChatNotFoundExceptionMapper(),
                new UserNotFoundExceptionMapper(), new ChatHasNoMessagesExceptionMapper(),
                // Safe retries and conditional writes.
                new IdempotencyKeyReusedExceptionMapper(), new IdempotencyKeyInUseExceptionMapper(), new LastMessageChangedExceptionMapper(),
                new CatchAllExceptionMapper());
    }
}
