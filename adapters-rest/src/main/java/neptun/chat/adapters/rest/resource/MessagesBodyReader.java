package neptun.chat.adapters.rest.resource;

import com.fasterxml.jackson.databind.JsonNode;
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
    private static final String MESSAGE = "message";
    private static final String ACTOR = "actor";
    private static final String CONTENT = "content";
    private static final String ROLE = "role";

    MessagesBody read(InputStream body) {
        JsonNode root = JsonBodies.readObject(body, InvalidRequestException::invalidBody);
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

    private static MessagesBody single(JsonNode root) {
        List<Issue> issues = new ArrayList<>();
        String message = JsonBodies.requiredString(root, MESSAGE, List.of(MESSAGE), issues);
        String actor = JsonBodies.requiredString(root, ACTOR, List.of(ACTOR), issues);
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalidBody(issues);
        }
        return new MessagesBody(BodyForm.SINGLE, List.of(new MessageInput(message, actor)));
    }

    private static MessagesBody batch(JsonNode messages) {
        if (!messages.isArray()) {
            throw invalid(Issue.wrongType(List.of(BodyForm.MESSAGES), "array", JsonBodies.typeName(messages)));
        }
        List<Issue> issues = new ArrayList<>();
        List<MessageInput> inputs = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size() && issues.size() < InvalidRequestException.MAX_ISSUES; i++) {
            JsonNode item = messages.get(i);
            if (!item.isObject()) {
                issues.add(Issue.wrongType(List.of(BodyForm.MESSAGES, i), "object", JsonBodies.typeName(item)));
                continue;
            }
            String content = JsonBodies.requiredString(item, CONTENT, List.of(BodyForm.MESSAGES, i, CONTENT), issues);
            String role = JsonBodies.requiredString(item, ROLE, List.of(BodyForm.MESSAGES, i, ROLE), issues);
            if (content != null && role != null) {
                inputs.add(new MessageInput(content, role));
            }
        }
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalidBody(issues);
        }
        return new MessagesBody(BodyForm.BATCH, inputs);
    }

    private static InvalidRequestException invalid(Issue issue) {
        return InvalidRequestException.invalidBody(List.of(issue));
    }
}
