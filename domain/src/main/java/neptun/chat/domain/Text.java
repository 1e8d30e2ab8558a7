package neptun.chat.domain;

/** Checks that a Java string is text every store and encoder can hold unchanged. */
final class Text {
    private Text() {
    }

    /** True when every surrogate is part of a pair, so the string has an exact UTF-8 form. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
