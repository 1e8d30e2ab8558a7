package neptun.chat.adapters.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {
    @Test
    void keepsUnreservedCharacters() {
        assertThat(PathSegments.encode("Ada-Lovelace_1815.~")).isEqualTo("Ada-Lovelace_1815.~");
    }

    @Test
    void encodesEverythingThatCouldChangeTheUrisStructure() {
        assertThat(PathSegments.encode("a/b c?d#e%f&g=h+i;j")).isEqualTo("a%2Fb%20c%3Fd%23e%25f%26g%3Dh%2Bi%3Bj");
        assertThat(PathSegments.encode(".")).isEqualTo("%2E");
        assertThat(PathSegments.encode("..")).isEqualTo("%2E%2E");
    }

    @Test
    void encodesTextAsUtf8() {
        assertThat(PathSegments.encode("ユーザー 🙂")).isEqualTo("%E3%83%A6%E3%83%BC%E3%82%B6%E3%83%BC%20%F0%9F%99%82");
    }

    @Test
    void givesBackTheValueWhenTheUriIsDecoded() {
        String value = "ä b/c?d#e%f 🙂";
        assertThat(URI.create("/api/users/" + PathSegments.encode(value) + "/chats").getPath()).isEqualTo("/api/users/" + value + "/chats");
    }
}
