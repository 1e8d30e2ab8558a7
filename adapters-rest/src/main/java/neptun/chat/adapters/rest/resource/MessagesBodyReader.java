package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.WireNames.ACTOR;
import static neptun.chat.adapters.rest.error.WireNames.CONTENT;
import static neptun.chat.adapters.rest.error.WireNames.MESSAGE;
import static neptun.chat.adapters.rest.error.WireNames.MESSAGES;
import static neptun.chat.adapters.rest.error.WireNames.ROLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.adapters.rest.json.StrictJson;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.MessageInput;

/**
 * Reads a create-messages body and checks its JSON shape only: an object in one of the two forms, with
 * string fields where strings belong. What the strings say is the application's business. Unknown
 * fields are ignored. Every refusal is an {@link InvalidRequestException} naming each problem's path.
 */
final class MessagesBodyReader {
    MessagesBody read(InputStream body) {
        JsonNode root = JsonBodies.readObject(body, RequestPart.MESSAGES_BODY);
        boolean single = root.has(MESSAGE) || root.has(ACTOR);
        boolean batch = root.has(MESSAGES);
        if (single && batch) {
            throw invalid(List.of(Issue.invalidUnion("Expected either message and actor, or messages, not both")));
        }
        if (single) {
            return single(root);
        }
        if (batch) {
            return batch(root);
        }
        throw invalid(List.of(Issue.invalidUnion("Expected either message and actor, or messages")));
    }

    private static MessagesBody single(JsonNode root) {
        List<Issue> issues = new ArrayList<>();
        String message = JsonBodies.requiredString(root, MESSAGE, List.of(MESSAGE), issues);
        String actor = JsonBodies.requiredString(root, ACTOR, List.of(ACTOR), issues);
        if (!issues.isEmpty()) {
            throw invalid(issues);
        }
        return new MessagesBody(BodyForm.SINGLE, List.of(new MessageInput(message, actor)), root);
    }

    private static MessagesBody batch(JsonNode root) {
        JsonNode messages = root.get(MESSAGES);
        if (!messages.isArray()) {
            throw invalid(List.of(Issue.wrongType(List.of(MESSAGES), "array", StrictJson.typeName(messages))));
        }
        List<Issue> issues = new ArrayList<>();
        List<MessageInput> inputs = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size() && issues.size() < InvalidInputException.MAX_VIOLATIONS; i++) {
            JsonNode item = messages.get(i);
            if (!item.isObject()) {
                issues.add(Issue.wrongType(List.of(MESSAGES, i), "object", StrictJson.typeName(item)));
                continue;
            }
            String content = JsonBodies.requiredString(item, CONTENT, List.of(MESSAGES, i, CONTENT), issues);
            String role = JsonBodies.requiredString(item, ROLE, List.of(MESSAGES, i, ROLE), issues);
            if (content != null && role != null) {
                inputs.add(new MessageInput(content, role));
            }
        }
        if (!issues.isEmpty()) {
            throw invalid(issues);
        }
        return new MessagesBody(BodyForm.BATCH, inputs, root);
    }

    private static InvalidRequestException invalid(List<Issue> issues) {
        return InvalidRequestException.invalid(RequestPart.MESSAGES_BODY, issues);
    }
}
