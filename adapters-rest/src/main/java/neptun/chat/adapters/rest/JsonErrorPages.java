package neptun.chat.adapters.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import neptun.chat.adapters.rest.error.ErrorEnvelope;
import neptun.chat.adapters.rest.ops.RequestIds;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The error envelope for errors Jetty answers before Jersey sees the request: ambiguous or malformed
 * URIs, oversized headers and the like. Jetty's own pages are HTML and may quote the request.
 * Only the status is reported; Jetty's message can name its classes. The answer carries the request's id
 * ({@link RequestIds}) like every other, also when the request never reached the application.
 */
final class JsonErrorPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrorPages() {
    }

    private static String envelope(int code, String requestId) {
        try {
            return JSON.writeValueAsString(new ErrorEnvelope(code, HttpStatus.getMessage(code), null,
                    code >= 500 ? Map.of("requestId", requestId) : null));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The id the request was given, or one for it now, echoed in the answer's header. */
    private static String requestId(Request request, Response response) {
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String given
                ? given
                : RequestIds.takeOrGenerate(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, id);
        return id;
    }

    /** For errors inside the application's servlet context. */
    static final class InContext extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            request.setAttribute(RequestIds.ATTRIBUTE, requestId(request, response));
            generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8),
                    code, message, cause);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(envelope(code, (String) request.getAttribute(RequestIds.ATTRIBUTE)));
        }
    }

    /** For errors found before a request reaches any context. */
    static final class InServer extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            request.setAttribute(RequestIds.ATTRIBUTE, requestId(request, response));
            if (!generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8),
                    code, message, cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(envelope(code, (String) request.getAttribute(RequestIds.ATTRIBUTE)));
        }
    }
}
