package neptun.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final java.time.Instant T0 = ChatFixtures.T0;

    @Test
    void isActiveFromCreationUntilExpiry() {
        var session = new Session(ChatFixtures.ADA, T0, T0.plus(Duration.ofDays(1)), Optional.empty());
        assertThat(session.isActiveAt(T0)).isTrue();
        assertThat(session.isActiveAt(T0.plus(Duration.ofDays(1)).minusNanos(1000))).isTrue();
        assertThat(session.isActiveAt(T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void endsWhenRevoked() {
        var revokedAt = T0.plusSeconds(60);
        var session = new Session(ChatFixtures.ADA, T0, T0.plus(Duration.ofDays(1)), Optional.of(revokedAt));
        assertThat(session.isActiveAt(revokedAt.minusSeconds(1))).isTrue();
        assertThat(session.isActiveAt(revokedAt)).isFalse();
    }

    @Test
    void generatedTokensAre256RandomBitsInBase64Url() {
        var token = SessionToken.generate(new SecureRandom());
        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(SessionToken.hasTokenShape(token.value())).isTrue();
        assertThat(SessionToken.generate(new SecureRandom())).isNotEqualTo(token);
    }

    @Test
    void hashIsSha256OfTheTokenText() {
        var token = new SessionToken("A".repeat(43));
        // computed independently: printf 'A%.0s' {1..43} | sha256sum
        assertThat(HexFormat.of().formatHex(token.hash()))
                .isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
        assertThat(token.hash()).hasSize(32);
        assertThat(token.toString()).doesNotContain("AAAA");
    }

    @Test
    void refusesValuesThatAreNotTokens() {
        assertThat(SessionToken.hasTokenShape("short")).isFalse();
        assertThat(SessionToken.hasTokenShape("A".repeat(42) + "=")).isFalse();
        assertThat(SessionToken.hasTokenShape(null)).isFalse();
    }
}
