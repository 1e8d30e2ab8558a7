package neptun.chat.adapters.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import neptun.chat.adapters.rest.json.StrictJson;
import neptun.chat.application.port.in.RequestFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequestFingerprintsTest {
    private static final String ROUTE = "/api/users/{user_id}/chats/{chat_id}/messages";

    private static RequestFingerprint post(String body) {
        return RequestFingerprints.of("POST", ROUTE, List.of("ada", "1"), parse(body));
    }

    private static JsonNode parse(String body) {
        try {
            return StrictJson.read(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> sameValues() {
        return Stream.of(
                Arguments.of("{\"message\":\"hi\",\"actor\":\"user\"}", "{ \"actor\" : \"user\",\n\t\"message\": \"hi\" }\n"),
                Arguments.of("{\"message\":\"A\"}", "{\"message\":\"\\u0041\"}"),
                Arguments.of("{\"n\":1}", "{\"n\":1.0}"),
                Arguments.of("{\"n\":100}", "{\"n\":1e2}"),
                Arguments.of("{\"n\":0}", "{\"n\":-0.0}"),
                Arguments.of("{\"a\":{\"y\":[1,{\"q\":null,\"p\":true}],\"x\":\"é\"}}",
                        "{\"a\":{\"x\":\"\\u00e9\",\"y\":[1,{\"p\":true,\"q\":null}]}}"));
    }

    @ParameterizedTest
    @MethodSource("sameValues")
    void ignoreWhitespaceKeyOrderAndSpelling(String one, String other) {
        assertThat(post(other)).isEqualTo(post(one));
        assertThat(RequestFingerprints.canonical(parse(other))).isEqualTo(RequestFingerprints.canonical(parse(one)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"message\":\"hi\",\"actor\":\"user\"}|{\"message\":\"hi \",\"actor\":\"user\"}",
        "{\"message\":\"hi\",\"actor\":\"user\"}|{\"message\":\"hi\",\"actor\":\"user\",\"extra\":1}",
        "{\"messages\":[{\"content\":\"a\"},{\"content\":\"b\"}]}|{\"messages\":[{\"content\":\"b\"},{\"content\":\"a\"}]}",
        "{\"n\":0.1}|{\"n\":0.10000000000000001}",
        "{\"n\":1}|{\"n\":\"1\"}",
        "{\"n\":null}|{}",
        "{\"n\":[]}|{\"n\":{}}",
    })
    void tellEveryChangeOfContent(String one, String other) {
        assertThat(post(other)).isNotEqualTo(post(one));
    }

    @Test
    void tellMethodsRoutesAndPathParametersApart() {
        String body = "{\"message\":\"hi\",\"actor\":\"user\"}";
        var fingerprints = List.of(post(body),
                RequestFingerprints.of("PUT", ROUTE, List.of("ada", "1"), parse(body)),
                RequestFingerprints.of("POST", ROUTE, List.of("ada", "2"), parse(body)),
                RequestFingerprints.of("POST", ROUTE, List.of("bob", "1"), parse(body)),
                RequestFingerprints.of("POST", ROUTE + "/last", List.of("ada", "1"), parse(body)),
                RequestFingerprints.of("POST", ROUTE, List.of("ada", "1")),
                RequestFingerprints.of("DELETE", ROUTE + "/last", List.of("ada", "1")));
        assertThat(fingerprints).doesNotHaveDuplicates();
    }

    @Test
    void keepHugeNumbersShort() {
        assertThat(RequestFingerprints.canonical(parse("{\"n\":1e999999999}"))).isEqualTo("{\"n\":1E+999999999}");
    }
}
