package neptun.chat.adapters.rest.error;

import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Every exception mapper of the adapter; together they replace Dropwizard's default mappers. */
public final class ErrorMappers {
    private ErrorMappers() {
    }

    /** The mappers; those that count their answers count them in {@code metrics}. */
    public static List<ExceptionMapper<?>> all(MetricRegistry metrics) {
        return List.of(new InvalidRequestExceptionMapper(), new InvalidInputExceptionMapper(), new ChatNotFoundExceptionMapper(),
                new UserNotFoundExceptionMapper(), new ChatHasNoMessagesExceptionMapper(), new BadMessageExceptionMapper(),
                // Safe retries and conditional writes.
                new IdempotencyKeyReusedExceptionMapper(), new IdempotencyKeyInUseExceptionMapper(), new LastMessageChangedExceptionMapper(),
                new CatchAllExceptionMapper(), new StoreUnavailableExceptionMapper(metrics));
    }
}
