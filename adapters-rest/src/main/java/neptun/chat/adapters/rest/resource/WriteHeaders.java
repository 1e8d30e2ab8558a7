package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.EntityTags.IDEMPOTENCY_KEY;
import static neptun.chat.adapters.rest.error.EntityTags.IF_MATCH;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.application.port.in.Idempotency;
import neptun.chat.application.port.in.RequestFingerprint;
import neptun.chat.domain.IdempotencyKey;

/**
 * The headers that make a write safe to retry ({@code Idempotency-Key}) and conditional ({@code If-Match}),
 * read strictly: a header that is there must be right, or the request is refused naming the header.
 */
record WriteHeaders(Optional<IdempotencyKey> idempotencyKey, OptionalLong expectedLastMessageId) {
    /** The most digits a message id has (a positive long). */
    private static final int MAX_ID_DIGITS = 19;

    static WriteHeaders of(MultivaluedMap<String, String> headers) {
        return of(headers.get(IDEMPOTENCY_KEY), headers.get(IF_MATCH));
    }

    /** From the values of each header (none, or an empty list, when it is absent). */
    static WriteHeaders of(List<String> idempotencyKeys, List<String> ifMatch) {
        return new WriteHeaders(idempotencyKey(idempotencyKeys), expectedLastMessageId(ifMatch));
    }

    /** The command's idempotency, with the fingerprint {@code fingerprint} computes (only when there is a key). */
    Optional<Idempotency> idempotency(Supplier<RequestFingerprint> fingerprint) {
        return idempotencyKey.map(key -> new Idempotency(key, fingerprint.get()));
    }

    /**
     * The key of an {@code Idempotency-Key} header: its value as it is, or the content of a structured-field
     * string ({@code "8e03978e-40d5"}, with {@code \"} and {@code \\} as escapes), which names the same key.
     */
    static Optional<IdempotencyKey> idempotencyKey(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalidKey(Issue.custom(path(IDEMPOTENCY_KEY), "Must be sent once"));
        }
        String value = values.get(0).strip();
        String key = value.startsWith("\"") ? unquoted(value) : value;
        var problem = IdempotencyKey.problemWith(key);
        if (problem.isPresent()) {
            throw invalidKey(switch (problem.get()) {
                case EMPTY -> new Issue("too_small", "String must contain at least 1 character(s)", path(IDEMPOTENCY_KEY));
                case TOO_LONG -> new Issue("too_big", "String must contain at most " + IdempotencyKey.MAX_LENGTH + " character(s)",
                        path(IDEMPOTENCY_KEY));
                case NOT_VISIBLE_ASCII -> Issue.custom(path(IDEMPOTENCY_KEY),
                        "Must consist of visible ASCII characters (! to ~), without spaces");
            });
        }
        return Optional.of(new IdempotencyKey(key));
    }

    /** The characters of a structured-field string (RFC 8941), which must be the whole value (no parameters). */
    private static String unquoted(String value) {
        StringBuilder key = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (i != value.length() - 1) {
                    break;
                }
                return key.toString();
            }
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                key.append(value.charAt(++i));
            } else if (c == '\\' || c < ' ' || c > '~') {
                break;
            } else {
                key.append(c);
            }
        }
        throw invalidKey(Issue.custom(path(IDEMPOTENCY_KEY),
                "Expected a key, or a key in double quotes with \\\" and \\\\ as the only escapes and nothing after the closing quote"));
    }

    /**
     * The newest message id an {@code If-Match} header expects: a tag of this service ({@code "42"}, {@code "0"}
     * for an empty chat), or none for {@code *} (the chat exists: as without the header). Weak tags, lists and
     * tags this service never sends are refused, since they could never match.
     */
    static OptionalLong expectedLastMessageId(List<String> values) {
        if (values == null || values.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = values.size() == 1 ? values.get(0).strip() : "";
        if (value.equals("*")) {
            return OptionalLong.empty();
        }
        if (value.length() >= 3 && value.length() <= MAX_ID_DIGITS + 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String digits = value.substring(1, value.length() - 1);
            boolean canonical = digits.chars().allMatch(c -> c >= '0' && c <= '9') && (digits.equals("0") || digits.charAt(0) != '0');
            if (canonical) {
                try {
                    return OptionalLong.of(Long.parseLong(digits));
                } catch (NumberFormatException beyondLong) {
                    // refused below
                }
            }
        }
        throw InvalidRequestException.invalid(RequestPart.IF_MATCH_HEADER, List.of(Issue.custom(path(IF_MATCH),
                "Expected * or one entity tag from this chat's ETag, such as \"42\"")));
    }

    private static List<Object> path(String header) {
        return List.of(header);
    }

    private static InvalidRequestException invalidKey(Issue issue) {
        return InvalidRequestException.invalid(RequestPart.IDEMPOTENCY_KEY_HEADER, List.of(issue));
    }
}
