package neptun.chat.adapters.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import neptun.chat.application.port.in.Snippet;
import neptun.chat.domain.SearchQuery;

/**
 * Snippets of found messages: an excerpt of about {@value #LENGTH} characters that starts a little before the
 * first match (the content's start when nothing is marked), cut at spaces where it can be, with every match in
 * it marked. Where the matches are comes from PostgreSQL's {@code ts_headline} (which knows its own parser and
 * configuration) or, on H2, from the query's words.
 */
final class Snippets {
    static final int BEFORE_MATCH = 60;
    static final int LENGTH = 240;
    private static final String ELLIPSIS = "…";

    private Snippets() {
    }

    /** A match: characters {@code start} (inclusive) to {@code end} (exclusive) of the text. */
    private record Range(int start, int end) {
    }

    /** {@code marked} is the whole content with each match between {@code start} and {@code end} (ts_headline, HighlightAll). */
    static Snippet ofHeadline(String marked, char start, char end) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Range> matches = new ArrayList<>();
        int from = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == start) {
                from = text.length();
            } else if (c == end) {
                if (from >= 0 && text.length() > from) {
                    matches.add(new Range(from, text.length()));
                }
                from = -1;
            } else {
                text.append(c);
            }
        }
        return excerpt(text.toString(), matches);
    }

    /** Marks every occurrence of a wanted word of {@code query} in {@code content}, case-insensitively. */
    static Snippet ofContent(String content, SearchQuery query) {
        Pattern words = Pattern.compile(query.wantedWords().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<Range> matches = new ArrayList<>();
        Matcher matcher = words.matcher(content);
        while (matcher.find()) {
            matches.add(new Range(matcher.start(), matcher.end()));
        }
        return excerpt(content, matches);
    }

    private static Snippet excerpt(String text, List<Range> matches) {
        if (text.isEmpty()) {
            return new Snippet(List.of());
        }
        int at = matches.isEmpty() ? 0 : matches.get(0).start();
        int from = Math.max(0, at - BEFORE_MATCH);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < at ? space + 1 : from;
        }
        int to = Math.min(text.length(), from + LENGTH);
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > at ? space : to;
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to++;
        }

        List<Snippet.Part> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder(from > 0 ? ELLIPSIS : "");
        int done = from;
        for (Range match : matches) {
            int start = Math.max(match.start(), done);
            int end = Math.min(match.end(), to);
            if (start >= end) {
                continue;
            }
            plain.append(text, done, start);
            add(parts, plain, false);
            plain.append(text, start, end);
            add(parts, plain, true);
            done = end;
        }
        plain.append(text, done, to).append(to < text.length() ? ELLIPSIS : "");
        add(parts, plain, false);
        return new Snippet(parts);
    }

    private static void add(List<Snippet.Part> parts, StringBuilder text, boolean matched) {
        if (!text.isEmpty()) {
            parts.add(new Snippet.Part(text.toString(), matched));
            text.setLength(0);
        }
    }
}
