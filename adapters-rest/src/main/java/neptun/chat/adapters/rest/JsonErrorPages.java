package neptun.chat.adapters.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import neptun.chat.adapters.rest.error.ErrorEnvelope;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The error envelope for errors Jetty answers before Jersey sees the request: ambiguous or malformed
 * URIs, oversized headers and the like. Jetty's own pages are HTML and may quote the request.
 * Only the status is reported; Jetty's message can name its classes.
 */
final class JsonErrorPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrorPages() {
    }

    private static String envelope(int code) {
        try {
            return JSON.writeValueAsString(new ErrorEnvelope(code, HttpStatus.getMessage(code), null, null));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
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
            generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8),
                    code, message, cause);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(envelope(code));
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
            if (!generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8),
                    code, message, cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(envelope(code));
        }
    }
}
