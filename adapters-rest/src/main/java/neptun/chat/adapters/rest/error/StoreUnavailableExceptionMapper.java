package neptun.chat.adapters.rest.error;

import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.application.port.out.StoreUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot be reached or does not answer in time is a 503 with {@code Retry-After}, never a 500:
 * the request may succeed when repeated. {@code data.reason} says why; when it is {@code outcome_unknown} the
 * write may have been stored, and only a retry with the same {@code Idempotency-Key} is safe. Each answer
 * counts in {@code neptun.unavailable.<reason>}; the log gets one line at first and then at most one every
 * {@value #LOG_EVERY_SECONDS} seconds, with the count of those not logged, so an outage under load does not
 * flood it.
 */
final class StoreUnavailableExceptionMapper implements ExceptionMapper<StoreUnavailableException> {
    static final String STATUS_MESSAGE = "Service Unavailable. The database is not reachable.";
    /** Seconds a client should wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 2;
    static final int LOG_EVERY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableExceptionMapper.class);

    private final MetricRegistry metrics;
    private final AtomicLong nextLogAtNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong notLogged = new AtomicLong();

    StoreUnavailableExceptionMapper(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        metrics.counter(MetricRegistry.name("neptun", "unavailable", exception.reason().label())).inc();
        log(exception);
        return Response.fromResponse(new ErrorEnvelope(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), STATUS_MESSAGE,
                        messageFor(exception.reason()), Map.of("reason", exception.reason().label())).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    static String messageFor(Reason reason) {
        return switch (reason) {
            case UNREACHABLE -> "The database could not be reached; nothing was stored. Try again later.";
            case TIMEOUT -> "The database did not answer in time; nothing was stored. Try again later.";
            case BUSY -> "No database connection was free in time; nothing was stored. Try again later.";
            case OUTCOME_UNKNOWN -> "The connection to the database was lost while the write was under way: it may or may not "
                    + "have been stored. A retry with the same Idempotency-Key is safe; one without may store it twice.";
        };
    }

    private void log(StoreUnavailableException exception) {
        long now = System.nanoTime();
        long next = nextLogAtNanos.get();
        if (now - next < 0 || !nextLogAtNanos.compareAndSet(next, now + TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS))) {
            notLogged.incrementAndGet();
            return;
        }
        long others = notLogged.getAndSet(0);
        LOG.warn("Answered 503 ({}): {}{}", exception.reason().label(), exception.getMessage(),
                others == 0 ? "" : " (and " + others + " more 503s since the last such line)");
    }
}
