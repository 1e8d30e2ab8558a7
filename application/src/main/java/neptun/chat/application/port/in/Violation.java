package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One reason a command was refused: where the value is ({@link #path()}), which kind of rule it breaks
 * ({@link #kind()}), and the rule's data: {@link #bound()}, the minimum or maximum of the kinds that have
 * one (0 for the others), and for {@link Kind#NOT_ONE_OF} the {@link #allowed()} values and a preview of the
 * value {@link #received()} (empty for the other kinds). Adapters word violations in their own vocabulary;
 * {@link #description()} is a plain default.
 */
public record Violation(InputPath path, Kind kind, long bound, List<String> allowed, String received) {
    /** The longest part of a refused value a violation repeats. */
    private static final int PREVIEW_LENGTH = 40;

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(received, "received");
    }

    /** The kinds of rule a value can break. */
    public enum Kind {
        /** Text with fewer characters than {@code bound}; an empty text is this kind with bound 1. */
        TOO_SHORT,
        /** Text with more characters (UTF-16 units) than {@code bound}. */
        TOO_LONG,
        /** Text of whitespace only. */
        BLANK,
        /** Text containing U+0000. */
        CONTAINS_NUL,
        /** Text with a lone surrogate, so not valid Unicode. */
        INVALID_UNICODE,
        /** A name that is none of {@code allowed}. */
        NOT_ONE_OF,
        /** A list with fewer elements than {@code bound}. */
        TOO_FEW,
        /** A list with more elements than {@code bound}. */
        TOO_MANY,
        /** A number less than {@code bound}. */
        TOO_LOW,
        /** A number greater than {@code bound}. */
        TOO_HIGH,
        /** A search query with no word to find: none at all, or only exclusions. */
        NO_SEARCH_TERMS
    }

    /** A violation of a kind without data: {@link Kind#BLANK}, {@link Kind#CONTAINS_NUL}, {@link Kind#INVALID_UNICODE} or {@link Kind#NO_SEARCH_TERMS}. */
    public static Violation of(InputPath path, Kind kind) {
        return new Violation(path, kind, 0, List.of(), "");
    }

    /** A violation of a kind with a minimum or maximum, such as {@link Kind#TOO_LONG}. */
    public static Violation beyond(InputPath path, Kind kind, long bound) {
        return new Violation(path, kind, bound, List.of(), "");
    }

    /** {@code value} is none of {@code allowed}; the violation keeps only a {@link #preview(String) preview} of it. */
    public static Violation notOneOf(InputPath path, List<String> allowed, String value) {
        return new Violation(path, Kind.NOT_ONE_OF, 0, allowed, preview(value));
    }

    /** What is wrong, in plain words, without the path: {@code must not be blank}. */
    public String description() {
        return switch (kind) {
            case TOO_SHORT -> bound == 1 ? "must not be empty" : "must have at least " + count(bound, "character");
            case TOO_LONG -> "must have at most " + count(bound, "character");
            case BLANK -> "must not be blank";
            case CONTAINS_NUL -> "must not contain NUL characters";
            case INVALID_UNICODE -> "must be valid Unicode text";
            case NOT_ONE_OF -> "must be one of " + allowed.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + ", not '" + received + "'";
            case TOO_FEW -> bound == 1 ? "must not be empty" : "must have at least " + count(bound, "element");
            case TOO_MANY -> "must have at most " + count(bound, "element");
            case TOO_LOW -> "must be at least " + bound;
            case TOO_HIGH -> "must be at most " + bound;
            case NO_SEARCH_TERMS -> "must contain a word to find (letters or digits, not only excluded words)";
        };
    }

    @Override
    public String toString() {
        return path + " " + description();
    }

    /**
     * A short excerpt of a refused value that is safe to repeat in a message: at most 40 characters (then
     * an ellipsis), with control characters and lone surrogates replaced by U+FFFD.
     */
    public static String preview(String value) {
        String cut = value.length() > PREVIEW_LENGTH ? value.substring(0, PREVIEW_LENGTH) + "…" : value;
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> safe.appendCodePoint(
                Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE ? '\uFFFD' : cp));
        return safe.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
