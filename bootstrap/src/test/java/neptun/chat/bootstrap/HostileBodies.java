package neptun.chat.bootstrap;

import java.util.List;
import java.util.Random;

/** Generates hostile request bodies and path segments from a seed, so any failure can be replayed. */
final class HostileBodies {
    private static final List<String> ODD_STRINGS = List.of(
            "", " ", "\\u0000", "\\ud800", "\\udfff", "\\ud83d\\ude00", "😀", "\u202e", "e\u0301", "\\\"", "\\\\",
            "user", "assistant", "system", "USER", "<script>", "'; drop table messages; --", "\\n", "%00", "\ufeff",
            "\u0085", "\u2028");
    private static final List<String> ODD_SCALARS = List.of(
            "null", "true", "false", "0", "-0", "1e999", "-1e999", "1.0", "123456789012345678901234567890", "NaN",
            "[]", "{}", "[[[[[[]]]]]]", "\"\"");

    private final Random random;

    HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    String body() {
        return switch (random.nextInt(6)) {
            case 0 -> value(4);
            case 1 -> mutated(validBody());
            case 2 -> "{\"message\": " + value(2) + ", \"actor\": " + value(1) + "}";
            case 3 -> "{\"messages\": [" + element() + ("," + element()).repeat(random.nextInt(3)) + "]}";
            case 4 -> "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
            default -> "{\"message\": \"" + "x".repeat(random.nextInt(30_000)) + ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()))
                    + "\", \"actor\": \"user\"}";
        };
    }

    String pathSegment() {
        String[] segments = {"ada", "", "%2F", "..", "%00", "%C3%A9", "%ED%A0%80", "a%20b", "-1", "0", "1e3", "%", "%zz",
                "9223372036854775808", "x".repeat(300), "%F0%9F%98%80"};
        return segments[random.nextInt(segments.length)];
    }

    private String element() {
        return "{\"content\": " + value(1) + ", \"role\": " + value(1) + "}";
    }

    private String validBody() {
        return "{\"messages\": [{\"content\": \"hi\", \"role\": \"user\"}, {\"content\": \"yo\", \"role\": \"assistant\"}]}";
    }

    private String mutated(String body) {
        var chars = new StringBuilder(body);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && chars.length() > 0; i++) {
            int at = random.nextInt(chars.length());
            switch (random.nextInt(3)) {
                case 0 -> chars.deleteCharAt(at);
                case 1 -> chars.insert(at, (char) (32 + random.nextInt(95)));
                default -> chars.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return chars.toString();
    }

    private String value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 3 : 5);
        return switch (kind) {
            case 0 -> ODD_SCALARS.get(random.nextInt(ODD_SCALARS.size()));
            case 1, 2 -> "\"" + ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())) + "\"";
            case 3 -> {
                var array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(value(depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append("]").toString();
            }
            default -> {
                String[] keys = {"message", "messages", "actor", "content", "role", "__proto__", ""};
                var object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append('"').append(keys[random.nextInt(keys.length)]).append("\": ").append(value(depth - 1))
                            .append(i > 1 ? "," : "");
                }
                yield object.append("}").toString();
            }
        };
    }
}
