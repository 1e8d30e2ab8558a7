package neptun.chat.adapters.rest.resource;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.adapters.rest.json.StrictJson;

/**
 * Strict reading of JSON request bodies, shared by every route that takes one ({@link StrictJson}); problems
 * are reported as issues without parser internals.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    /**
     * The body as a JSON object; anything else (empty, malformed, not an object) is refused with one issue,
     * as invalid {@code part}.
     */
    static JsonNode readObject(InputStream body, RequestPart part) {
        JsonNode root = parse(body, part);
        if (root == null || root.isMissingNode()) {
            throw invalid(part, Issue.required(List.of()));
        }
        if (!root.isObject()) {
            throw invalid(part, Issue.wrongType(List.of(), "object", StrictJson.typeName(root)));
        }
        return root;
    }

    /** The string at {@code field} of {@code object}, or null after adding why there is none to {@code issues}. */
    static String requiredString(JsonNode object, String field, List<Object> path, List<Issue> issues) {
        JsonNode value = object.get(field);
        if (value == null) {
            issues.add(Issue.required(path));
            return null;
        }
        if (!value.isTextual()) {
            issues.add(Issue.wrongType(path, "string", StrictJson.typeName(value)));
            return null;
        }
        return value.textValue();
    }

    private static JsonNode parse(InputStream body, RequestPart part) {
        try {
            return StrictJson.read(body);
        } catch (StreamConstraintsException tooDeepOrTooLong) {
            throw invalid(part, Issue.custom(List.of(), "Invalid JSON: nested too deeply or a value is too long"));
        } catch (JsonProcessingException malformed) {
            // Only the position: the parser's own text quotes the input and names its classes.
            throw invalid(part, Issue.custom(List.of(), "Invalid JSON" + position(malformed.getLocation())));
        } catch (IOException unreadable) {
            throw invalid(part, Issue.custom(List.of(), "The body could not be read"));
        }
    }

    private static InvalidRequestException invalid(RequestPart part, Issue issue) {
        return InvalidRequestException.invalid(part, List.of(issue));
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
