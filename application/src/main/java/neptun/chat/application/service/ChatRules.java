package neptun.chat.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.Violation;

/** What a chat's name and model must be, whether the chat is new or renamed. */
final class ChatRules {
    static final int MAX_NAME_LENGTH = CreateChatCommand.MAX_NAME_LENGTH;
    static final int MAX_MODEL_LENGTH = CreateChatCommand.MAX_MODEL_LENGTH;

    private ChatRules() {
    }

    /** @throws InvalidInputException naming every problem, at {@code [name]} and {@code [model]} */
    static void checkNameAndModel(String name, Optional<String> model) {
        List<Violation> violations = new ArrayList<>();
        TextRules.check(InputPath.of(InputField.NAME), name, MAX_NAME_LENGTH, violations);
        model.ifPresent(m -> TextRules.check(InputPath.of(InputField.MODEL), m, MAX_MODEL_LENGTH, violations));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
