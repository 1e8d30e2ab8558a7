package neptun.chat.adapters.rest.auth.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import neptun.chat.application.port.in.AuthenticatedSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every cookie the real h3 sealed, with the verdict h3 (plus neptun's user rule) gave it. */
class NeptunSessionVectorsTest {
    private static final JsonNode VECTORS = load("/neptun-session/neptun-session-cookies.json");

    @Test
    void theFileHoldsAllCases() {
        assertThat(VECTORS.get("cases")).hasSize(31);
    }

    @TestFactory
    Stream<DynamicTest> eachCookieGetsItsVerdict() {
        String password = VECTORS.get("password").textValue();
        Duration maxAge = Duration.ofSeconds(VECTORS.get("max_age_s").longValue());
        Instant createdAt = Instant.ofEpochMilli(VECTORS.get("created_at_ms").longValue());
        return StreamSupport.stream(VECTORS.get("cases").spliterator(), false).map(c -> dynamicTest(c.get("name").textValue(), () -> {
            String description = c.get("name").textValue() + ": " + c.get("why").textValue();
            Clock clock = Clock.fixed(Instant.ofEpochMilli(c.get("now_ms").longValue()), ZoneOffset.UTC);
            var sessions = new NeptunSealedSessions(password, Optional.of(maxAge), clock, Jackson.newObjectMapper());

            Optional<AuthenticatedSession> session = sessions.unseal(c.get("cookie").textValue());

            if (c.get("expect").textValue().equals("accept")) {
                assertThat(session).as(description).hasValueSatisfying(s -> {
                    assertThat(s.user().value()).isEqualTo(c.get("user_id").textValue());
                    assertThat(s.validUntil()).isEqualTo(createdAt.plus(maxAge));
                });
            } else {
                assertThat(session).as(description).isEmpty();
            }
        }));
    }

    private static JsonNode load(String resource) {
        try (InputStream in = NeptunSessionVectorsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Jackson.newObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
