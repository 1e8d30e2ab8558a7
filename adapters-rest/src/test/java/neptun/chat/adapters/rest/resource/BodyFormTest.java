package neptun.chat.adapters.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BodyFormTest {
    @Nested
    class Batch {
        @Test
        void putsAMessagesFieldUnderMessages() {
            assertThat(BodyForm.BATCH.bodyPath(List.of(2, "content"))).containsExactly("messages", 2, "content");
            assertThat(BodyForm.BATCH.bodyPath(List.of(0, "role"))).containsExactly("messages", 0, "role");
        }

        @Test
        void keepsThePathOfTheListItself() {
            assertThat(BodyForm.BATCH.bodyPath(List.of("messages"))).containsExactly("messages");
        }
    }

    @Nested
    class Single {
        @Test
        void namesTheFieldsAsTheSingleBodyDoes() {
            assertThat(BodyForm.SINGLE.bodyPath(List.of(0, "content"))).containsExactly("message");
            assertThat(BodyForm.SINGLE.bodyPath(List.of(0, "role"))).containsExactly("actor");
        }

        @Test
        void placesAProblemOfTheWholeListAtTheRoot() {
            assertThat(BodyForm.SINGLE.bodyPath(List.of("messages"))).isEmpty();
        }

        @Test
        void keepsPathsItDoesNotKnow() {
            assertThat(BodyForm.SINGLE.bodyPath(List.of("name"))).containsExactly("name");
            assertThat(BodyForm.SINGLE.bodyPath(List.of())).isEmpty();
        }
    }
}
