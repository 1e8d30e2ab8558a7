package neptun.chat.adapters.rest.resource;

import java.nio.charset.StandardCharsets;

/** Writes values into URI paths. */
final class PathSegments {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    /**
     * {@code value} as one path segment: every byte of its UTF-8 form percent-encoded except the unreserved
     * characters of RFC 3986 ({@code A-Z a-z 0-9 - . _ ~}), so a slash, space, {@code ?}, {@code #} or
     * {@code %} in a user id can never change the URI's structure. The dot segments {@code .} and
     * {@code ..} are written encoded, so they are not read as "this" and "parent" path steps.
     */
    static String encode(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
