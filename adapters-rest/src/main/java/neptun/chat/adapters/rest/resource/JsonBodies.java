package neptun.chat.adapters.rest.resource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;

/**
 * Strict reading of JSON request bodies, shared by every route that takes one: duplicate keys, trailing
 * content and runaway nesting are refused, and problems are reported as issues without parser internals.
 */
final class JsonBodies {
    /** Valid bodies nest three levels; this leaves room for unknown fields without letting nesting run away. */
    static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /**
     * The body as a JSON object; anything else (empty, malformed, not an object) is refused with one issue,
     * made into an exception by {@code invalid}.
     */
    static JsonNode readObject(InputStream body, Function<List<Issue>, InvalidRequestException> invalid) {
        JsonNode root = parse(body, invalid);
        if (root == null || root.isMissingNode()) {
            throw invalid.apply(List.of(Issue.required(List.of())));
        }
        if (!root.isObject()) {
            throw invalid.apply(List.of(Issue.wrongType(List.of(), "object", typeName(root))));
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
            issues.add(Issue.wrongType(path, "string", typeName(value)));
            return null;
        }
        return value.textValue();
    }

    /** zod's name for the JSON type of {@code node}. */
    static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case BINARY, POJO, MISSING -> "unknown";
        };
    }

    private static JsonNode parse(InputStream body, Function<List<Issue>, InvalidRequestException> invalid) {
        try {
            return STRICT_JSON.readTree(body);
        } catch (StreamConstraintsException tooDeepOrTooLong) {
            throw invalid.apply(List.of(Issue.custom(List.of(), "Invalid JSON: nested too deeply or a value is too long")));
        } catch (JsonProcessingException malformed) {
            // Only the position: the parser's own text quotes the input and names its classes.
            throw invalid.apply(List.of(Issue.custom(List.of(), "Invalid JSON" + position(malformed.getLocation()))));
        } catch (IOException unreadable) {
            throw invalid.apply(List.of(Issue.custom(List.of(), "The body could not be read")));
        }
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
