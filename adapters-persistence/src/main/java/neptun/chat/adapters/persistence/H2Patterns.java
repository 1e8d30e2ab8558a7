package neptun.chat.adapters.persistence;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import neptun.chat.domain.SearchQuery;
import neptun.chat.domain.SearchQuery.Term;

/**
 * A search query as one Java regular expression for H2's {@code regexp_like}: from the start of the content, a
 * lookahead per term, {@code (?=.*?word)} for a wanted one and {@code (?!.*?word)} for an excluded one, case
 * insensitive; a phrase's words with anything but letters, digits and marks between them. So a word matches
 * wherever it appears, also inside a longer word.
 */
final class H2Patterns {
    private static final String BETWEEN_WORDS = "[^\\p{L}\\p{N}\\p{M}]+";

    private H2Patterns() {
    }

    static String of(SearchQuery query) {
        return "(?s)(?i)(?u)^" + query.terms().stream().map(H2Patterns::lookahead).collect(Collectors.joining());
    }

    private static String lookahead(Term term) {
        String words = term.words().stream().map(Pattern::quote).collect(Collectors.joining(BETWEEN_WORDS));
        return (term.excluded() ? "(?!" : "(?=") + ".*?" + words + ")";
    }
}
