package neptun.chat.adapters.rest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Strict reading of JSON input, for request bodies and for files of messages alike: duplicate keys,
 * trailing content and runaway nesting are refused (a {@link com.fasterxml.jackson.core.exc.StreamConstraintsException}
 * for the nesting). Also names JSON types the way zod does, for messages about them.
 */
public final class StrictJson {
    /** Valid input nests three levels; this leaves room for unknown fields without letting nesting run away. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers as written, not rounded to doubles: a request's fingerprint tells 0.1 from 0.10000000000000001.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private StrictJson() {
    }

    /** The one JSON value of {@code input}; a missing node (or null) when it holds only whitespace. */
    public static JsonNode read(InputStream input) throws IOException {
        return MAPPER.readTree(input);
    }

    /** The one JSON value of {@code text}; a missing node when it holds only whitespace. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** zod's name for the JSON type of {@code node}: {@code string}, {@code number}, {@code object}... */
    public static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case BINARY, POJO, MISSING -> "unknown";
        };
    }
}
