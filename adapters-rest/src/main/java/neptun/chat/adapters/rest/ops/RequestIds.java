package neptun.chat.adapters.rest.ops;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Every request's id: the client's {@value #HEADER} when it is a sane value (1 to 128 characters of
 * {@code A-Z a-z 0-9 . _ -}), else a new random one (128 bits in hex). It is echoed in the answer's
 * {@value #HEADER}, put in the error envelope of 5xx answers as {@code data.requestId}, and in the
 * logging MDC under {@value #MDC_KEY} while the request is processed.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The servlet request attribute (a Jersey request property too) that holds the current request's id. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    private static final int MAX_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** {@code offered} if it is sane, else a new id. */
    public static String takeOrGenerate(String offered) {
        return isSane(offered) ? offered : generate();
    }

    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** 32 hex digits. Not a secret, only unique enough to find a request's lines: no secure random needed. */
    static String generate() {
        var random = ThreadLocalRandom.current();
        char[] id = new char[32];
        fill(id, 0, random.nextLong());
        fill(id, 16, random.nextLong());
        return new String(id);
    }

    private static void fill(char[] target, int from, long bits) {
        for (int i = 15; i >= 0; i--) {
            target[from + i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
    }
}
