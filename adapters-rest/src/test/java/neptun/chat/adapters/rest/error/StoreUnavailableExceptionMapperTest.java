package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import neptun.chat.adapters.rest.LogCapture;
import neptun.chat.application.port.out.StoreOutcomeUnknownException;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.application.port.out.StoreUnavailableException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreUnavailableExceptionMapperTest {
    private final MetricRegistry metrics = new MetricRegistry();
    private final StoreUnavailableExceptionMapper mapper = new StoreUnavailableExceptionMapper(metrics);
    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.of(StoreUnavailableExceptionMapper.class.getName());
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    @Test
    void answersServiceUnavailableWithRetryAfterAndTheReason() {
        Response response = mapper.toResponse(new StoreUnavailableException(Reason.TIMEOUT, "the database did not answer in time: Read timed out", null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(response.getEntity()).isEqualTo(new ErrorEnvelope(503, "Service Unavailable. The database is not reachable.",
                "The database did not answer in time; nothing was stored. Try again later.", Map.of("reason", "timeout")));
    }

    @Test
    void saysAWriteOfUnknownOutcomeIsSafeToRetryOnlyWithItsIdempotencyKey() {
        Response response = mapper.toResponse(new StoreOutcomeUnknownException("connection lost", null));

        var envelope = (ErrorEnvelope) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(envelope.data()).isEqualTo(Map.of("reason", "outcome_unknown"));
        assertThat(envelope.message()).contains("may or may not have been stored").contains("same Idempotency-Key");
    }

    @Test
    void neverTellsTheClientTheCause() {
        var envelope = (ErrorEnvelope) mapper.toResponse(new StoreUnavailableException(Reason.UNREACHABLE,
                "the database is not reachable: Connection to db.internal:5432 refused", null)).getEntity();

        assertThat(envelope.message()).doesNotContain("db.internal");
    }

    @Test
    void logsTheFirstAnswerOfAnOutageAndNotEachOfMany() {
        for (int i = 0; i < 100; i++) {
            mapper.toResponse(new StoreUnavailableException(Reason.UNREACHABLE, "the database is not reachable: refused", null));
        }

        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("Answered 503 (unreachable): the database is not reachable: refused");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void countsEachAnswerByReason() {
        mapper.toResponse(new StoreUnavailableException(Reason.BUSY, "busy", null));
        mapper.toResponse(new StoreUnavailableException(Reason.BUSY, "busy", null));
        mapper.toResponse(new StoreOutcomeUnknownException("lost", null));

        assertThat(metrics.counter("neptun.unavailable.busy").getCount()).isEqualTo(2);
        assertThat(metrics.counter("neptun.unavailable.outcome_unknown").getCount()).isEqualTo(1);
        assertThat(metrics.counter("neptun.unavailable.unreachable").getCount()).isZero();
    }
}
