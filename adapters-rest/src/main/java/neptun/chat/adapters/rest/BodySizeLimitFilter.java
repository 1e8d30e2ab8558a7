package neptun.chat.adapters.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import neptun.chat.adapters.rest.error.ErrorEnvelope;

/**
 * Answers 413 to a body larger than the limit: at once when Content-Length says so, otherwise as soon as
 * reading passes the limit (a chunked body has no length up front). Answers 408 to a body whose reading
 * takes longer than the read time allowed, counted from the first read: a body that trickles in holds a
 * thread and a turn, while the time the server took before it began to read does not count against the
 * client (unlike Jetty's minimum data rate, which counts from the request's first byte and so refused
 * small bodies that a busy server read late).
 */
@PreMatching
final class BodySizeLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;
    private final long maxReadNanos;

    BodySizeLimitFilter(long maxBytes, Duration maxReadTime) {
        this.maxBytes = maxBytes;
        this.maxReadNanos = maxReadTime.toNanos();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (declaresMoreThanLimit(request.getHeaderString(HttpHeaders.CONTENT_LENGTH))) {
            throw tooLarge();
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
    }

    private boolean declaresMoreThanLimit(String contentLength) {
        if (contentLength == null || contentLength.isEmpty() || !contentLength.chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            return Long.parseLong(contentLength) > maxBytes;
        } catch (NumberFormatException beyondLong) {
            return true;
        }
    }

    // Unchecked on purpose: JSON parsers pass it through untouched, and as a WebApplicationException with
    // an entity Jersey sends its response as it is. The rest of the body is not read, so the connection
    // cannot be reused: "Connection: close" tells the client so, instead of letting its next request on
    // this connection fail without an answer.
    private WebApplicationException tooLarge() {
        var status = Response.Status.REQUEST_ENTITY_TOO_LARGE;
        var envelope = new ErrorEnvelope(status.getStatusCode(), status.getReasonPhrase(),
                "The body must not be larger than " + maxBytes + " bytes.", null);
        return new WebApplicationException(Response.fromResponse(envelope.toResponse()).header("Connection", "close").build());
    }

    private WebApplicationException tooSlow() {
        var status = Response.Status.REQUEST_TIMEOUT;
        var envelope = new ErrorEnvelope(status.getStatusCode(), status.getReasonPhrase(),
                "The body must arrive within " + maxReadNanos / 1_000_000 + " ms.", null);
        return new WebApplicationException(Response.fromResponse(envelope.toResponse()).header("Connection", "close").build());
    }

    private final class LimitedInputStream extends FilterInputStream {
        private long count;
        private long firstRead;
        private boolean reading;

        LimitedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            started();
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            started();
            // Asks for at most one byte past the limit: enough to notice, never a large overrun.
            int n = super.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, maxBytes - count + 1));
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int readLimit) {
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        private void started() {
            if (!reading) {
                reading = true;
                firstRead = System.nanoTime();
            }
        }

        private void counted(long n) {
            if (System.nanoTime() - firstRead > maxReadNanos) {
                throw tooSlow();
            }
            count += n;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
