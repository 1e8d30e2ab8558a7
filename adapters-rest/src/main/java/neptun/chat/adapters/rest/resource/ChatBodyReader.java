package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.WireNames.MODEL;
import static neptun.chat.adapters.rest.error.WireNames.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.adapters.rest.json.StrictJson;

/**
 * Reads the body that creates or renames a chat, {@code {"name": string, "model"?: string | null}}, and
 * checks its JSON shape only; a null or absent model means none (creating) or unchanged (renaming).
 * Unknown fields are ignored.
 */
final class ChatBodyReader {
    ChatBody read(InputStream body) {
        JsonNode root = JsonBodies.readObject(body, RequestPart.CHAT_BODY);
        List<Issue> issues = new ArrayList<>();
        String name = JsonBodies.requiredString(root, NAME, List.of(NAME), issues);
        JsonNode model = root.path(MODEL);
        if (!model.isMissingNode() && !model.isNull() && !model.isTextual()) {
            issues.add(Issue.wrongType(List.of(MODEL), "string", StrictJson.typeName(model)));
        }
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalid(RequestPart.CHAT_BODY, issues);
        }
        return new ChatBody(name, model.isTextual() ? Optional.of(model.textValue()) : Optional.empty(), root);
    }
}
