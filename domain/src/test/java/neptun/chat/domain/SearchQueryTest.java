package neptun.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import neptun.chat.domain.SearchQuery.Term;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    private static List<Term> terms(String text) {
        return SearchQuery.parse(text).orElseThrow().terms();
    }

    private static Term word(String word) {
        return new Term(List.of(word), false);
    }

    @Test
    void readsWordsPhrasesAndExclusions() {
        assertThat(terms("tokyo  \"cherry blossom\" -rain -\"train delay\"")).containsExactly(
                word("tokyo"),
                new Term(List.of("cherry", "blossom"), false),
                new Term(List.of("rain"), true),
                new Term(List.of("train", "delay"), true));
    }

    @Test
    void splitsWordsAtEveryCharacterThatIsNotALetterOrDigit() {
        assertThat(terms("e-mail don't C++ x")).containsExactly(
                new Term(List.of("e", "mail"), false), new Term(List.of("don", "t"), false), word("C"), word("x"));
        assertThat(terms("東京 naïve हिन्दी")).containsExactly(word("東京"), word("naïve"), word("हिन्दी"));
    }

    @Test
    void givesOperatorCharactersNoMeaning() {
        assertThat(terms("a&b | !c :* (d) 'e'")).containsExactly(
                new Term(List.of("a", "b"), false), word("c"), word("d"), word("e"));
        assertThat(terms("a or b")).containsExactly(word("a"), word("or"), word("b"));
    }

    @Test
    void runsAnUnbalancedQuoteToTheEnd() {
        assertThat(terms("x \"open phrase")).containsExactly(word("x"), new Term(List.of("open", "phrase"), false));
        assertThat(terms("\"\"\" a")).containsExactly(word("a"));
    }

    @Test
    void findsNothingWithoutAWantedWord() {
        assertThat(SearchQuery.parse("")).isEmpty();
        assertThat(SearchQuery.parse("  &|!:*()' \"\" - ")).isEmpty();
        assertThat(SearchQuery.parse("-rain -\"train delay\"")).isEmpty();
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(SearchQuery.parse(" Tokyo  \"a b ").orElseThrow().text()).isEqualTo(" Tokyo  \"a b ");
    }

    @Test
    void listsTheWantedWordsOnceEach() {
        assertThat(SearchQuery.parse("a \"a b\" -c b").orElseThrow().wantedWords()).containsExactly("a", "b");
    }

    @Test
    void refusesTermsThatAreNotWords() {
        assertThatThrownBy(() -> new Term(List.of("a b"), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term(List.of(), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchQuery("-a", List.of(new Term(List.of("a"), true)))).isInstanceOf(IllegalArgumentException.class);
    }
}
