package neptun.chat.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchCursorTest {
    @Test
    void readsBackExactlyWhatItWrites() {
        for (float relevance : new float[] {0f, 0.0607927f, 0.1f, 1e-7f, 1e-30f, 3.4028235e38f, Math.nextUp(0.1f)}) {
            var cursor = new SearchCursor(relevance, 42);
            assertThat(SearchCursor.parse(cursor.toString())).contains(cursor);
        }
        assertThat(new SearchCursor(0.5f, 7)).hasToString("0.5_7");
    }

    @Test
    void refusesWhatItWouldNotWrite() {
        for (String text : new String[] {"", "_", "0.5", "_7", "0.5_", "0.5_0", "-0.5_7", "NaN_7", "Infinity_7", "0.5_-7",
                "0x1p3_7", "0.5_7_8", "0.5_99999999999999999999", "1E39_7", " 0.5_7"}) {
            assertThat(SearchCursor.parse(text)).as(text).isEmpty();
        }
    }
}
