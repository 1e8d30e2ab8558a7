package neptun.chat.adapters.rest.ops;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import neptun.chat.adapters.rest.error.ErrorEnvelope;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link QoSHandler} with the service's answer when saturated: a 503 envelope with
 * {@code Retry-After}, sent at once when the queue is full and when a queued request's wait runs out.
 * Queued requests hold no thread.
 */
final class SaturationHandler extends QoSHandler {
    static final int RETRY_AFTER_SECONDS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Meter rejected;

    SaturationHandler(RequestLimits limits, Meter rejected) {
        this.rejected = rejected;
        setMaxRequestCount(limits.maxInFlight());
        setMaxSuspendedRequestCount(limits.maxQueued());
        setMaxSuspend(limits.maxQueueWait());
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        unavailable(request, response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        unavailable(request, response, callback);
    }

    private void unavailable(Request request, Response response, Callback callback) {
        rejected.mark();
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed"));
            return;
        }
        String id = RequestIds.takeOrGenerate(request.getHeaders().get(RequestIds.HEADER));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(RequestIds.HEADER, id);
        response.write(true, ByteBuffer.wrap(body(id)), callback);
    }

    private static byte[] body(String requestId) {
        var envelope = new ErrorEnvelope(HttpStatus.SERVICE_UNAVAILABLE_503, "Service Unavailable",
                "The server is busy. Retry after " + RETRY_AFTER_SECONDS + " second.", Map.of("requestId", requestId));
        try {
            return JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
