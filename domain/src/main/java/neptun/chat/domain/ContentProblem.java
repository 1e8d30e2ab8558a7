package neptun.chat.domain;

/** Why a text cannot be message content (or another stored text such as a chat name). */
public enum ContentProblem {
    /** Zero characters. */
    EMPTY,
    /** Only whitespace. */
    BLANK,
    /** Contains U+0000, which databases cannot store in text. */
    CONTAINS_NUL,
    /** Contains a lone surrogate, so it is not valid Unicode text. */
    INVALID_UNICODE
}
