package neptun.chat.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search looks for, in web-search syntax, as {@code text} was written and as its {@code terms}: words
 * (all must match), {@code "quoted phrases"} (their words in that order) and {@code -word} or {@code -"phrase"}
 * (must not match). Here a word is a run of letters and digits (with their combining marks): every other
 * character separates words, so {@code e-mail} or {@code don't} inside a term is a phrase of two words, and
 * characters such as {@code &|!:*()'} mean nothing. An unbalanced quote runs to the end. A query finds
 * something only with at least one term that is not excluded. A store with a text search parser of its own
 * may read {@code text} with it instead, as long as it means the same.
 */
public record SearchQuery(String text, List<Term> terms) {
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        terms = List.copyOf(terms);
        if (terms.stream().allMatch(Term::excluded)) {
            throw new IllegalArgumentException("a search needs a term that is not excluded");
        }
    }

    /**
     * One term: a word, or the words of a phrase in order.
     *
     * @param excluded whether a match must not contain it
     */
    public record Term(List<String> words, boolean excluded) {
        public Term {
            words = List.copyOf(words);
            if (words.isEmpty() || words.stream().anyMatch(word -> !isWord(word))) {
                throw new IllegalArgumentException("a term is one or more words of letters and digits");
            }
        }

        public boolean isPhrase() {
            return words.size() > 1;
        }
    }

    /** The query written as {@code text}, or empty when it names nothing to find (no word, or only exclusions). */
    public static Optional<SearchQuery> parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Term> terms = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            boolean excluded = c == '-';
            int start = excluded ? i + 1 : i;
            int end;
            String body;
            if (start < n && text.charAt(start) == '"') {
                int close = text.indexOf('"', start + 1);
                end = close < 0 ? n : close + 1;
                body = text.substring(start + 1, close < 0 ? n : close);
            } else {
                end = start;
                while (end < n) {
                    int d = text.codePointAt(end);
                    if (Character.isWhitespace(d) || Character.isSpaceChar(d) || d == '"') {
                        break;
                    }
                    end += Character.charCount(d);
                }
                body = text.substring(start, end);
            }
            List<String> words = words(body);
            if (!words.isEmpty()) {
                terms.add(new Term(words, excluded));
            }
            i = Math.max(end, i + 1);
        }
        return terms.stream().allMatch(Term::excluded) ? Optional.empty() : Optional.of(new SearchQuery(text, terms));
    }

    /** The words of the terms a match must contain, each once, in the order they first appear. */
    public List<String> wantedWords() {
        return terms.stream().filter(term -> !term.excluded()).flatMap(term -> term.words().stream()).distinct().toList();
    }

    /** The runs of letters and digits in {@code text}. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean inWord = isWordChar(c);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static boolean isWord(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(SearchQuery::isWordChar);
    }

    /** Letters and digits, and the marks that combine with them (so that words of scripts such as Devanagari stay whole). */
    private static boolean isWordChar(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
