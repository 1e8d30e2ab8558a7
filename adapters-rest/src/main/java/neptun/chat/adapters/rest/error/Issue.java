package neptun.chat.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import neptun.chat.application.port.in.Violation;

/**
 * One problem with a request, in zod's vocabulary (codes and wording) so web clients can reuse their
 * handling. This adapter owns that vocabulary: the application reports kinds and data, worded here.
 *
 * @param path where the problem is: object keys and array indexes from the root; empty for the root itself
 */
@Schema(description = "One problem with a request, in zod's vocabulary.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record Issue(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"invalid_type", "too_small", "too_big", "invalid_enum_value", "invalid_union", "custom"})
        @JsonProperty("code") String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("message") String message,
        @ArraySchema(schema = @Schema(types = {"string", "integer"}),
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "Where: object keys and array indexes from the root, e.g. [\"messages\", 2, \"role\"]."))
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

    /** A number below {@code minimum}. */
    public static Issue numberTooSmall(List<Object> path, long minimum) {
        return new Issue("too_small", "Number must be greater than or equal to " + minimum, path);
    }

    /** A number above {@code maximum}. */
    public static Issue numberTooBig(List<Object> path, long maximum) {
        return new Issue("too_big", "Number must be less than or equal to " + maximum, path);
    }

    /** A name that is none of {@code expected}; {@code receivedPreview} is a safe excerpt of it ({@link Violation#preview}). */
    public static Issue invalidEnumValue(List<Object> path, List<String> expected, String receivedPreview) {
        return new Issue("invalid_enum_value", "Invalid enum value. Expected "
                + expected.stream().map(name -> "'" + name + "'").collect(Collectors.joining(" | "))
                + ", received '" + receivedPreview + "'", path);
    }

    /** A violation found by the application, placed at {@code path} of the request. */
    public static Issue of(Violation violation, List<Object> path) {
        long bound = violation.bound();
        return switch (violation.kind()) {
            case TOO_SHORT -> new Issue("too_small", "String must contain at least " + bound + " character(s)", path);
            case TOO_LONG -> new Issue("too_big", "String must contain at most " + bound + " character(s)", path);
            case BLANK -> custom(path, "String must not be blank");
            case CONTAINS_NUL -> custom(path, "String must not contain NUL characters");
            case INVALID_UNICODE -> custom(path, "String must be valid Unicode text");
            case NOT_ONE_OF -> invalidEnumValue(path, violation.allowed(), violation.received());
            case TOO_FEW -> new Issue("too_small", "Array must contain at least " + bound + " element(s)", path);
            case TOO_MANY -> new Issue("too_big", "Array must contain at most " + bound + " element(s)", path);
            case TOO_LOW -> numberTooSmall(path, bound);
            case TOO_HIGH -> numberTooBig(path, bound);
            case NO_SEARCH_TERMS -> custom(path, "Query must contain a word to find (letters or digits), not only excluded words");
        };
    }
}
