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
import java.util.ArrayList;
import java.util.List;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.application.port.in.MessageInput;

/**
 * Reads a create-messages body and checks its JSON shape only: an object in one of the two forms, with
 * string fields where strings belong. What the strings say is the application's business. Unknown
 * fields are ignored. Every refusal is an {@link InvalidRequestException} naming each problem's path.
 */
final class MessagesBodyReader {
    /** Valid bodies nest three levels; this leaves room for unknown fields without letting nesting run away. */
    static final int MAX_NESTING_DEPTH = 64;

    private static final String MESSAGE = "message";
    private static final String ACTOR = "actor";
    private static final String CONTENT = "content";
    private static final String ROLE = "role";

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    MessagesBody read(InputStream body) {
        JsonNode root = parse(body);
        if (root == null || root.isMissingNode()) {
            throw invalid(Issue.required(List.of()));
        }
        if (!root.isObject()) {
            throw invalid(Issue.wrongType(List.of(), "object", typeName(root)));
        }
        boolean single = root.has(MESSAGE) || root.has(ACTOR);
        boolean batch = root.has(BodyForm.MESSAGES);
        if (single && batch) {
            throw invalid(Issue.invalidUnion("Expected either message and actor, or messages, not both"));
        }
        if (single) {
            return single(root);
        }
        if (batch) {
            return batch(root.get(BodyForm.MESSAGES));
        }
        throw invalid(Issue.invalidUnion("Expected either message and actor, or messages"));
    }

    private static JsonNode parse(InputStream body) {
        try {
            return STRICT_JSON.readTree(body);
        } catch (StreamConstraintsException tooDeepOrTooLong) {
            throw invalid(Issue.custom(List.of(), "Invalid JSON: nested too deeply or a value is too long"));
        } catch (JsonProcessingException malformed) {
            // Only the position: the parser's own text quotes the input and names its classes.
            throw invalid(Issue.custom(List.of(), "Invalid JSON" + position(malformed.getLocation())));
        } catch (IOException unreadable) {
            throw invalid(Issue.custom(List.of(), "The body could not be read"));
        }
    }

    private static MessagesBody single(JsonNode root) {
        List<Issue> issues = new ArrayList<>();
        String message = string(root, MESSAGE, List.of(MESSAGE), issues);
        String actor = string(root, ACTOR, List.of(ACTOR), issues);
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalidBody(issues);
        }
        return new MessagesBody(BodyForm.SINGLE, List.of(new MessageInput(message, actor)));
    }

    private static MessagesBody batch(JsonNode messages) {
        if (!messages.isArray()) {
            throw invalid(Issue.wrongType(List.of(BodyForm.MESSAGES), "array", typeName(messages)));
        }
        List<Issue> issues = new ArrayList<>();
        List<MessageInput> inputs = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size() && issues.size() < InvalidRequestException.MAX_ISSUES; i++) {
            JsonNode item = messages.get(i);
            if (!item.isObject()) {
                issues.add(Issue.wrongType(List.of(BodyForm.MESSAGES, i), "object", typeName(item)));
                continue;
            }
            String content = string(item, CONTENT, List.of(BodyForm.MESSAGES, i, CONTENT), issues);
            String role = string(item, ROLE, List.of(BodyForm.MESSAGES, i, ROLE), issues);
            if (content != null && role != null) {
                inputs.add(new MessageInput(content, role));
            }
        }
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalidBody(issues);
        }
        return new MessagesBody(BodyForm.BATCH, inputs);
    }

    /** The string at {@code field} of {@code object}, or null after adding why there is none to {@code issues}. */
    private static String string(JsonNode object, String field, List<Object> path, List<Issue> issues) {
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
    private static String typeName(JsonNode node) {
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

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InvalidRequestException invalid(Issue issue) {
        return InvalidRequestException.invalidBody(List.of(issue));
    }
}
