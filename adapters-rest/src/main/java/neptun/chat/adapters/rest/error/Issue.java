package neptun.chat.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import neptun.chat.application.port.in.Violation;

/**
 * One problem with a request, in zod's vocabulary so web clients can reuse their handling.
 *
 * @param path where the problem is: object keys and array indexes from the root; empty for the root itself
 */
public record Issue(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("path") List<Object> path) {

    public Issue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        path = List.copyOf(path);
    }

    /** A required value is absent. */
    public static Issue required(List<Object> path) {
        return new Issue("invalid_type", "Required", path);
    }

    /** A value has the wrong JSON type; both types are zod names such as {@code string} or {@code array}. */
    public static Issue wrongType(List<Object> path, String expected, String received) {
        return new Issue("invalid_type", "Expected " + expected + ", received " + received, path);
    }

    /** The body matches no accepted shape, or more than one. */
    public static Issue invalidUnion(String message) {
        return new Issue("invalid_union", message, List.of());
    }

    /** Any other refusal, such as unreadable JSON. */
    public static Issue custom(List<Object> path, String message) {
        return new Issue("custom", message, path);
    }

    /** A violation found by the application, placed at {@code path} of the request. */
    public static Issue of(Violation violation, List<Object> path) {
        String code = switch (violation.problem()) {
            case TOO_SMALL -> "too_small";
            case TOO_BIG -> "too_big";
            case NOT_ONE_OF -> "invalid_enum_value";
            case INVALID -> "custom";
        };
        return new Issue(code, violation.message(), path);
    }
}
