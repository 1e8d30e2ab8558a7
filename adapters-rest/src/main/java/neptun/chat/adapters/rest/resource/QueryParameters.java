package neptun.chat.adapters.rest.resource;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import neptun.chat.adapters.rest.error.Issue;

/**
 * Reads query parameters by shape only: at most one value each, integers written in decimal. Ranges that
 * depend on settings are the application's to check.
 */
final class QueryParameters {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private QueryParameters() {
    }

    /** The one value of parameter {@code name}, or empty when it is absent or (after adding an issue) repeated. */
    static Optional<String> single(String name, List<String> values, List<Issue> issues) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            issues.add(Issue.custom(List.of(name), "Expected a single value"));
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }

    /** The 64-bit integer value of parameter {@code name}, or empty when it is absent or (after adding an issue) not one. */
    static OptionalLong integer(String name, List<String> values, List<Issue> issues) {
        Optional<String> text = single(name, values, issues);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        if (text.get().length() > 1_000 || !INTEGER.matcher(text.get()).matches()) {
            issues.add(Issue.wrongType(List.of(name), "integer", "string"));
            return OptionalLong.empty();
        }
        BigInteger value = new BigInteger(text.get());
        if (value.compareTo(MAX) > 0) {
            issues.add(Issue.numberTooBig(List.of(name), Long.MAX_VALUE));
            return OptionalLong.empty();
        }
        if (value.compareTo(MIN) < 0) {
            issues.add(Issue.numberTooSmall(List.of(name), Long.MIN_VALUE));
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValue());
    }

    /**
     * {@code value} as an int; a value beyond the int range becomes the nearest int, which is as far out of
     * any limit's bounds, so the application refuses it with its own message.
     */
    static OptionalInt saturatedInt(OptionalLong value) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.getAsLong())));
    }
}
