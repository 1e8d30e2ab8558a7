package neptun.chat.application.port.in;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import org.junit.jupiter.api.Test;

/** The idempotency keys and conditions commands carry, and the fingerprints they derive for in-process callers. */
class IdempotentCommandsTest {
    private static final ChatId CHAT = new ChatId(1);
    private static final IdempotencyKey KEY = new IdempotencyKey("k-1");

    private static CreateMessagesCommand append(String content, String role) {
        return CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput(content, role)));
    }

    @Test
    void carryNoKeyOrConditionUnlessGivenOne() {
        var command = append("hi", "user");
        assertThat(command.idempotency()).isEmpty();
        assertThat(command.expectedLastMessageId()).isEmpty();
        assertThat(command).isEqualTo(new CreateMessagesCommand(ADA, ADA, CHAT, List.of(new MessageInput("hi", "user"))));
    }

    @Test
    void deriveOneFingerprintForEqualRequestsAndAnotherForAnyDifference() {
        var fingerprint = append("hi", "user").withIdempotencyKey(KEY).idempotency().orElseThrow().fingerprint();

        assertThat(append("hi", "user").fingerprint()).isEqualTo(fingerprint);
        assertThat(List.of(append("hi!", "user").fingerprint(), append("hi", "assistant").fingerprint(),
                CreateMessagesCommand.of(ADA, new ChatId(2), List.of(new MessageInput("hi", "user"))).fingerprint(),
                new CreateMessagesCommand(BOB, ADA, CHAT, List.of(new MessageInput("hi", "user"))).fingerprint(),
                CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("h", "iuser"))).fingerprint(),
                RemoveLastMessageCommand.of(ADA, CHAT).fingerprint(), DeleteChatCommand.of(ADA, CHAT).fingerprint()))
                .doesNotContain(fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void leaveTheConditionOutOfTheFingerprint() {
        assertThat(append("hi", "user").ifLastMessageIs(5).fingerprint()).isEqualTo(append("hi", "user").fingerprint());
        assertThat(RemoveLastMessageCommand.of(ADA, CHAT).ifLastMessageIs(5).fingerprint())
                .isEqualTo(RemoveLastMessageCommand.of(ADA, CHAT).fingerprint());
    }

    @Test
    void tellAMissingModelFromAnyModel() {
        assertThat(CreateChatCommand.of(ADA, "n").fingerprint())
                .isNotEqualTo(new CreateChatCommand(ADA, ADA, "n", Optional.of("-")).fingerprint())
                .isNotEqualTo(new CreateChatCommand(ADA, ADA, "n", Optional.of("")).fingerprint());
        assertThat(RenameChatCommand.of(ADA, CHAT, "n").fingerprint())
                .isNotEqualTo(new RenameChatCommand(ADA, ADA, CHAT, "n", Optional.of("m")).fingerprint());
    }

    @Test
    void keepTheKeyAndTheConditionTogether() {
        var command = append("hi", "user").ifLastMessageIs(0).withIdempotencyKey(KEY);
        assertThat(command.expectedLastMessageId()).hasValue(0);
        assertThat(command.idempotency()).map(Idempotency::key).contains(KEY);
        assertThat(command.ifLastMessageIs(3).idempotency()).isEqualTo(command.idempotency());
    }

    @Test
    void refuseNegativeExpectedIds() {
        assertThatThrownBy(() -> append("hi", "user").ifLastMessageIs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoveLastMessageCommand.of(ADA, CHAT).ifLastMessageIs(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsAreSha256OfTheirPartsWithTheirLengths() {
        assertThat(RequestFingerprint.of("a", "bc").value()).hasSize(64).matches("[0-9a-f]+")
                .isNotEqualTo(RequestFingerprint.of("ab", "c").value());
        assertThat(RequestFingerprint.of(List.of("a", "bc"))).isEqualTo(RequestFingerprint.of("a", "bc"));
    }
}
