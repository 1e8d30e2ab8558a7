package neptun.chat.application.port.in;

import static neptun.chat.domain.ChatFixtures.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import neptun.chat.domain.ChatId;
import org.junit.jupiter.api.Test;

class CreateMessagesCommandTest {
    @Test
    void copiesTheListSoLaterChangesDoNotLeakIn() {
        var inputs = new ArrayList<>(List.of(new MessageInput("a", "user")));
        var command = CreateMessagesCommand.of(ADA, new ChatId(1), inputs);
        inputs.add(new MessageInput("b", "user"));
        assertThat(command.messages()).hasSize(1);
        assertThat(command.requester()).isEqualTo(command.owner());
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(() -> CreateMessagesCommand.of(ADA, new ChatId(1), Arrays.asList((MessageInput) null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageInput(null, "user")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CreateMessagesCommand.of(null, new ChatId(1), List.of())).isInstanceOf(NullPointerException.class);
    }
}
