package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.port.out.LoadSessionPort;
import neptun.chat.application.port.out.SaveUserPort;
import neptun.chat.application.port.out.UnsealSessionPort;
import neptun.chat.domain.Session;
import neptun.chat.domain.SessionToken;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Test;

class AuthenticateSessionServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");
    private final Map<String, Session> byHash = new HashMap<>();
    private final LoadSessionPort sessions = hash -> Optional.ofNullable(byHash.get(HexFormat.of().formatHex(hash)));
    private final SaveUserPort users = mock(SaveUserPort.class);
    private final AuthenticateSessionService service =
            new AuthenticateSessionService(sessions, Optional.empty(), users, Clock.fixed(NOW, ZoneOffset.UTC));

    private SessionToken stored(Session session) {
        var token = SessionToken.generate(new SecureRandom());
        byHash.put(HexFormat.of().formatHex(token.hash()), session);
        return token;
    }

    @Test
    void acceptsTheTokenOfAnActiveSession() {
        var expiry = NOW.plus(Duration.ofDays(7));
        var token = stored(new Session(ADA, NOW.minusSeconds(10), expiry, Optional.empty()));
        assertThat(service.authenticate(token.value())).contains(new AuthenticatedSession(ADA, expiry));
    }

    @Test
    void refusesExpiredRevokedUnknownAndMalformedTokens() {
        var expired = stored(new Session(ADA, NOW.minusSeconds(100), NOW, Optional.empty()));
        var revoked = stored(new Session(ADA, NOW.minusSeconds(100), NOW.plusSeconds(100), Optional.of(NOW.minusSeconds(1))));
        assertThat(service.authenticate(expired.value())).isEmpty();
        assertThat(service.authenticate(revoked.value())).isEmpty();
        assertThat(service.authenticate(SessionToken.generate(new SecureRandom()).value())).isEmpty();
        assertThat(service.authenticate("not a token")).isEmpty();
        assertThat(service.authenticate("")).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
        verifyNoInteractions(users);
    }

    @Test
    void sendsSealsToTheSealPortAndRegistersTheirUser() {
        var neptun = new UserId("42");
        var session = new AuthenticatedSession(neptun, NOW.plusSeconds(60));
        UnsealSessionPort seals = new UnsealSessionPort() {
            @Override
            public boolean looksSealed(String credential) {
                return credential.startsWith("Fe26.2*");
            }

            @Override
            public Optional<AuthenticatedSession> unseal(String credential) {
                return credential.equals("Fe26.2*good") ? Optional.of(session) : Optional.empty();
            }
        };
        var withSeals = new AuthenticateSessionService(sessions, Optional.of(seals), users, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(withSeals.authenticate("Fe26.2*good")).contains(session);
        verify(users).saveUserIfAbsent(neptun);
        assertThat(withSeals.authenticate("Fe26.2*bad")).isEmpty();
        verify(users, never()).saveUserIfAbsent(new UserId("bad"));
        verify(users).saveUserIfAbsent(any());
    }
}
