package neptun.chat.adapters.rest.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * The two shapes a body may take. The application reports problems by message index and field
 * ({@code [2, "content"]}); each form says where that is in the body the client sent.
 */
enum BodyForm {
    /** {@code {"message": ..., "actor": ...}}. */
    SINGLE {
        @Override
        List<Object> bodyPath(List<Object> commandPath) {
            if (commandPath.equals(List.of(MESSAGES))) {
                return List.of();
            }
            if (commandPath.isEmpty() || !(commandPath.get(0) instanceof Integer)) {
                return commandPath;
            }
            List<Object> path = new ArrayList<>(commandPath.subList(1, commandPath.size()));
            if (!path.isEmpty()) {
                path.set(0, singleFieldName(path.get(0)));
            }
            return path;
        }
    },
    /** {@code {"messages": [{"content": ..., "role": ...}, ...]}}. */
    BATCH {
        @Override
        List<Object> bodyPath(List<Object> commandPath) {
            if (commandPath.isEmpty() || !(commandPath.get(0) instanceof Integer)) {
                return commandPath;
            }
            List<Object> path = new ArrayList<>(commandPath.size() + 1);
            path.add(MESSAGES);
            path.addAll(commandPath);
            return path;
        }
    };

    static final String MESSAGES = "messages";

    /** Where a value the application names by {@code commandPath} is in a body of this form. */
    abstract List<Object> bodyPath(List<Object> commandPath);

    private static Object singleFieldName(Object commandField) {
        if ("content".equals(commandField)) {
            return "message";
        }
        if ("role".equals(commandField)) {
            return "actor";
        }
        return commandField;
    }
}
