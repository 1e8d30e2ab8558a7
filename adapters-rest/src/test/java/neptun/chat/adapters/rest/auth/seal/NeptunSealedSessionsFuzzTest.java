package neptun.chat.adapters.rest.auth.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random damage to a valid seal never yields a session, and nothing makes the verifier throw. */
class NeptunSealedSessionsFuzzTest {
    private static final String PASSWORD = "a-password-of-at-least-32-characters!";
    private static final Instant CREATED = Instant.parse("2026-11-24T12:00:00Z");
    private static final String SEAL = TestSeals.seal(PASSWORD, TestSeals.loginSession(42, CREATED), Optional.of(CREATED.plus(Duration.ofDays(7))));
    private static final NeptunSealedSessions SESSIONS = new NeptunSealedSessions(
            PASSWORD, Optional.of(Duration.ofDays(7)), Clock.fixed(CREATED.plus(Duration.ofHours(1)), ZoneOffset.UTC), new ObjectMapper());

    @Property(tries = 1000)
    void anEditedSealIsRejected(@ForAll("edits") List<Edit> edits) {
        String edited = SEAL;
        for (Edit edit : edits) {
            edited = edit.apply(edited);
        }

        var session = SESSIONS.unseal(edited);

        if (edited.equals(SEAL)) {
            assertThat(session).isPresent();
        } else {
            assertThat(session).isEmpty();
        }
    }

    @Property(tries = 1000)
    void anyTextIsRejected(@ForAll String text) {
        assertThat(SESSIONS.unseal(text)).isEmpty();
    }

    @Property(tries = 1000)
    void eightFieldsOfSealCharactersAreRejected(@ForAll("fields") List<String> fields) {
        assertThat(SESSIONS.unseal(NeptunSealedSessions.PREFIX + "*" + String.join("*", fields))).isEmpty();
    }

    @Provide
    Arbitrary<List<String>> fields() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF-_+/=").ofMaxLength(70).list().ofSize(7);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Character> character = Arbitraries.oneOf(Arbitraries.of('A', 'a', '0', '9', '-', '_', '*', '+', '/', '=', '.'), Arbitraries.chars());
        Arbitrary<Integer> field = Arbitraries.integers().between(0, 7);
        Arbitrary<Edit> edit = Arbitraries.oneOf(
                Combinators.combine(position, character).as(Replace::new),
                Combinators.combine(position, character).as(Insert::new),
                position.map(Delete::new),
                position.map(Truncate::new),
                Combinators.combine(field, field).as(SwapFields::new),
                field.map(DuplicateField::new));
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    sealed interface Edit {
        String apply(String seal);
    }

    record Replace(int position, char character) implements Edit {
        public String apply(String seal) {
            if (seal.isEmpty()) {
                return seal;
            }
            int at = position % seal.length();
            return seal.substring(0, at) + character + seal.substring(at + 1);
        }
    }

    record Insert(int position, char character) implements Edit {
        public String apply(String seal) {
            int at = position % (seal.length() + 1);
            return seal.substring(0, at) + character + seal.substring(at);
        }
    }

    record Delete(int position) implements Edit {
        public String apply(String seal) {
            if (seal.isEmpty()) {
                return seal;
            }
            int at = position % seal.length();
            return seal.substring(0, at) + seal.substring(at + 1);
        }
    }

    record Truncate(int position) implements Edit {
        public String apply(String seal) {
            return seal.substring(0, position % (seal.length() + 1));
        }
    }

    record SwapFields(int first, int second) implements Edit {
        public String apply(String seal) {
            String[] fields = seal.split("\\*", -1);
            int i = first % fields.length;
            int j = second % fields.length;
            String kept = fields[i];
            fields[i] = fields[j];
            fields[j] = kept;
            return String.join("*", fields);
        }
    }

    record DuplicateField(int index) implements Edit {
        public String apply(String seal) {
            List<String> fields = new ArrayList<>(Arrays.asList(seal.split("\\*", -1)));
            int i = index % fields.size();
            fields.add(i, fields.get(i));
            return String.join("*", fields);
        }
    }
}
