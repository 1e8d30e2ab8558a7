package neptun.chat.adapters.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"a\": 2}", "{\"a\": 1} x", "{} {}", "{'a': 1}", "{\"a\": 1,}"})
    void refusesWhatALenientParserWouldAccept(String text) {
        assertThatThrownBy(() -> StrictJson.read(text)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void refusesRunawayNesting() {
        int depth = StrictJson.MAX_NESTING_DEPTH + 1;
        assertThatThrownBy(() -> StrictJson.read("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void readsNothingAsAMissingValue() throws Exception {
        assertThat(StrictJson.read("  ").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"a\" | string", "1.5 | number", "true | boolean", "null | null", "[] | array", "{} | object"})
    void namesTypesAsZodDoes(String text, String type) throws Exception {
        assertThat(StrictJson.typeName(StrictJson.read(text))).isEqualTo(type);
    }
}
