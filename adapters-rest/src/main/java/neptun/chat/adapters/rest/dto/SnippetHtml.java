package neptun.chat.adapters.rest.dto;

import neptun.chat.application.port.in.Snippet;

/**
 * A snippet as HTML that is safe to put into a page: matched words in {@code <mark>}, and every character that
 * means something in HTML ({@code & < > " '}) escaped, in the matches as in the rest.
 */
public final class SnippetHtml {
    private SnippetHtml() {
    }

    public static String of(Snippet snippet) {
        StringBuilder html = new StringBuilder();
        for (Snippet.Part part : snippet.parts()) {
            if (part.matched()) {
                html.append("<mark>");
            }
            escape(part.text(), html);
            if (part.matched()) {
                html.append("</mark>");
            }
        }
        return html.toString();
    }

    static void escape(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
