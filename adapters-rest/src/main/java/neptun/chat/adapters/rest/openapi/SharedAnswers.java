package neptun.chat.adapters.rest.openapi;

import static neptun.chat.adapters.rest.error.DescriptionRefs.HEADERS;
import static neptun.chat.adapters.rest.error.DescriptionRefs.RESPONSES;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.LinkedHashSet;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.EntityTags;
import neptun.chat.adapters.rest.ops.RequestIds;

/** The answer headers and error answers that many routes share, kept once under {@code components}. */
final class SharedAnswers {
    private SharedAnswers() {
    }

    static void addTo(Components components, DescriptionSettings settings) {
        components.addHeaders(name(DescriptionRefs.ETAG_HEADER), header("string",
                "The chat's newest message id as a strong entity tag, \"0\" for an empty chat; send it back as If-Match."));
        components.addHeaders(name(DescriptionRefs.LINK_HEADER), header("string",
                "<the next page's path and query>; rel=\"next\": present only when more follow (messages of the chat, or hits of the search)."));
        components.addHeaders(name(DescriptionRefs.REPLAYED_HEADER), header("string",
                "true: this is the answer an earlier request with the same Idempotency-Key got, sent again; nothing was done now."));
        components.addHeaders(name(DescriptionRefs.RETRY_AFTER_HEADER), header("integer",
                "Whole seconds to wait before sending the request again."));
        components.addHeaders(name(DescriptionRefs.REQUEST_ID_HEADER), header("string",
                "The request's id: the X-Request-Id it brought when that is 1 to 128 of A-Z a-z 0-9 . _ -, else a new one.")
                .required(true));

        error(components, DescriptionRefs.BAD_REQUEST, "Invalid body, query, chat_id or header (statusMessage names which);"
                + " data.issues lists every problem with its path. Also malformed JSON.");
        error(components, DescriptionRefs.UNAUTHORIZED, "No session cookie, or an unknown, expired or revoked session.");
        error(components, DescriptionRefs.NOT_FOUND, "Chat or user not found: the path's user is not the session's, or the chat"
                + " does not exist or is someone else's (the answer never says which). Removing the newest message of an"
                + " empty chat: No messages in chat.");
        error(components, DescriptionRefs.REQUEST_TIMEOUT, "The body took too long to arrive; the connection is closed.");
        error(components, DescriptionRefs.CONFLICT, "A request with this Idempotency-Key is in progress; send it again after"
                + " Retry-After.", EntityTags.RETRY_AFTER, DescriptionRefs.RETRY_AFTER_HEADER);
        error(components, DescriptionRefs.PRECONDITION_FAILED, "The chat's newest message is not the one If-Match names; nothing"
                + " was done. ETag and data.etag carry the chat's tag now.", EntityTags.ETAG, DescriptionRefs.ETAG_HEADER);
        error(components, DescriptionRefs.CONTENT_TOO_LARGE, "The body is larger than " + settings.maxBodyBytes() + " bytes.");
        error(components, DescriptionRefs.UNSUPPORTED_MEDIA_TYPE, "The body was not sent as application/json.");
        error(components, DescriptionRefs.UNPROCESSABLE_CONTENT, "The Idempotency-Key was used for another request.");
        error(components, DescriptionRefs.TOO_MANY_REQUESTS, "More requests than the user's rate limit allows; nothing was done.",
                EntityTags.RETRY_AFTER, DescriptionRefs.RETRY_AFTER_HEADER);
        error(components, DescriptionRefs.INTERNAL_SERVER_ERROR, "Unexpected: data.errorId names the details in the log.");
        error(components, DescriptionRefs.SERVICE_UNAVAILABLE, "The server is saturated, or the database cannot be reached or did"
                + " not answer in time (data.reason); nothing was done unless data.reason is outcome_unknown.",
                EntityTags.RETRY_AFTER, DescriptionRefs.RETRY_AFTER_HEADER);
    }

    /** The error envelope, with {@code headerName} as {@code headerRef} beside X-Request-Id, when given. */
    private static void error(Components components, String ref, String description, String... headerNameAndRef) {
        var envelope = new Schema<>().$ref("#/components/schemas/ErrorEnvelope");
        var response = new ApiResponse().description(description)
                .content(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType().schema(envelope)))
                .addHeaderObject(RequestIds.HEADER, new Header().$ref(DescriptionRefs.REQUEST_ID_HEADER));
        for (int i = 0; i + 1 < headerNameAndRef.length; i += 2) {
            response.addHeaderObject(headerNameAndRef[i], new Header().$ref(headerNameAndRef[i + 1]));
        }
        components.addResponses(name(ref), response);
    }

    private static Header header(String type, String description) {
        return new Header().description(description).schema(typed(type));
    }

    /** A schema of one JSON type, as OpenAPI 3.1 writes it. */
    static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.specVersion(SpecVersion.V31);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        return schema;
    }

    /** The name under {@code components} that {@code ref} points to. */
    private static String name(String ref) {
        for (String prefix : List.of(RESPONSES, HEADERS)) {
            if (ref.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException(ref);
    }
}
