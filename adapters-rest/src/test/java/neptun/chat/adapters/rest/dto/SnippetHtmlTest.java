package neptun.chat.adapters.rest.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import neptun.chat.application.port.in.Snippet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SnippetHtmlTest {
    @Test
    void marksMatchesAndEscapesEverythingElse() {
        var snippet = new Snippet(List.of(new Snippet.Part("<script>x & 'y' \"z\"</script> ", false),
                new Snippet.Part("Tokyo<", true), new Snippet.Part(" ok", false)));

        assertThat(SnippetHtml.of(snippet)).isEqualTo(
                "&lt;script&gt;x &amp; &#39;y&#39; &quot;z&quot;&lt;/script&gt; <mark>Tokyo&lt;</mark> ok");
    }

    @Property(tries = 300)
    void leavesNoMarkupButItsOwnMarks(@ForAll String before, @ForAll String match, @ForAll String after) {
        String html = SnippetHtml.of(new Snippet(List.of(new Snippet.Part(before, false), new Snippet.Part(match, true),
                new Snippet.Part(after, false))));

        assertThat(html.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">", "\"", "'");
        assertThat(html.replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")).isEqualTo(before + match + after);
    }
}
