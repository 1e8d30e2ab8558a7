package neptun.chat.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import neptun.chat.adapters.rest.auth.seal.NeptunSealedSessions;
import neptun.chat.application.port.out.UnsealSessionPort;

/** Turns the {@code sessions.neptun} settings into the seal checker, or none when no password is set. */
final class SealedSessions {
    private SealedSessions() {
    }

    static Optional<UnsealSessionPort> fromSettings(ChatConfiguration.NeptunSessions settings, Clock clock, ObjectMapper mapper) {
        return settings.password().map(password -> new NeptunSealedSessions(password, settings.maxAge(), clock, mapper));
    }
}
