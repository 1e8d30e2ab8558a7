package neptun.chat.adapters.rest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import neptun.chat.application.port.in.RequestFingerprint;

/**
 * What identifies a write for its Idempotency-Key: the method, the route with its path parameters, and the
 * body's JSON value. The body counts as its canonical form, so whitespace, the order of an object's keys and
 * the way a number or string is spelled do not matter, while any change of content does (unknown fields too).
 * Headers, If-Match among them, are not part of it.
 */
final class RequestFingerprints {
    private RequestFingerprints() {
    }

    /** A write without body. */
    static RequestFingerprint of(String method, String route, List<String> pathParameters) {
        return of(method, route, pathParameters, null);
    }

    /** A write with the body {@code body} (null for none). */
    static RequestFingerprint of(String method, String route, List<String> pathParameters, JsonNode body) {
        List<String> parts = new ArrayList<>(pathParameters.size() + 3);
        parts.add(method);
        parts.add(route);
        parts.addAll(pathParameters);
        parts.add(body == null ? "" : canonical(body));
        return RequestFingerprint.of(parts);
    }

    /**
     * The JSON text of {@code node} in one form for one value: no whitespace, object keys in the order of
     * their UTF-16 code units, strings with the same escapes, numbers as their exact decimal value.
     */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, JsonNode> sorted = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    var field = fields.next();
                    sorted.put(field.getKey(), field.getValue());
                }
                out.append('{');
                boolean first = true;
                for (var field : sorted.entrySet()) {
                    out.append(first ? "" : ",").append(TextNode.valueOf(field.getKey())).append(':');
                    write(field.getValue(), out);
                    first = false;
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> out.append(node); // Jackson's escaping of the decoded text, the same for every spelling
            case NUMBER -> out.append(number(node.decimalValue()));
            case BOOLEAN, NULL -> out.append(node.asText());
            case BINARY, POJO, MISSING -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** {@code 1}, {@code 1.0} and {@code 10e-1} are one number; the form with the exponent keeps huge ones short. */
    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    }
}
