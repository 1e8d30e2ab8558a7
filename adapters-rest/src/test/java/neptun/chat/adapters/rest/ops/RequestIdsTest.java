package neptun.chat.adapters.rest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "A-z_0.9", "0f8fad5b-d9cb-469f-a165-70867728950e", "..--__"})
    void keepsASaneId(String id) {
        assertThat(RequestIds.takeOrGenerate(id)).isEqualTo(id);
    }

    @Test
    void keepsAnIdOf128CharactersButNotOf129() {
        assertThat(RequestIds.takeOrGenerate("a".repeat(128))).isEqualTo("a".repeat(128));
        assertThat(RequestIds.takeOrGenerate("a".repeat(129))).matches("[0-9a-f]{32}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a\tb", "a\nb", "ä", "a/b", "a:b", "<script>", "a\u0000b", "\uD83D\uDE00"})
    void replacesAnythingElse(String id) {
        assertThat(RequestIds.takeOrGenerate(id)).matches("[0-9a-f]{32}");
    }

    @Test
    void replacesNone() {
        assertThat(RequestIds.takeOrGenerate(null)).matches("[0-9a-f]{32}");
    }

    @Test
    void generatesDistinctIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RequestIds.takeOrGenerate(null));
        }
        assertThat(ids).hasSize(10_000);
    }
}
