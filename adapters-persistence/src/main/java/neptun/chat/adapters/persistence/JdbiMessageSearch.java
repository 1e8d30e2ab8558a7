package neptun.chat.adapters.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import neptun.chat.application.port.in.SearchCursor;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.out.SearchMessagesPort;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.SearchQuery;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Searches messages by content. On PostgreSQL, full-text search with the configured text search configuration
 * ({@code websearch_to_tsquery}, {@code ts_rank}, {@code ts_headline}), over the expression index of
 * {@link #indexStatement()} when the operator has built it, else by reading the user's messages; on H2, a case-insensitive match of every word of the user's messages, newest first. Which one is told by
 * the database itself, at the first search. Every statement reads one user's rows; a chat's messages are
 * deleted with it, and hits are joined to their chat, so a deleted chat's messages are never found.
 */
public final class JdbiMessageSearch implements SearchMessagesPort {
    /** The default text search configuration: any language, no stemming. */
    public static final String DEFAULT_TEXT_SEARCH_CONFIG = "simple";
    /** A configuration's name, perhaps schema-qualified: no quotes, so it can be written into SQL as a literal. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");

    private final Jdbi jdbi;
    private final MessageSearchDao dao;
    private final String textSearchConfig;
    private final String configLiteral;
    private volatile Boolean postgres;

    /** @throws IllegalArgumentException when {@code textSearchConfig} is not a configuration's name (lower case) */
    JdbiMessageSearch(Jdbi jdbi, String textSearchConfig) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.dao = jdbi.onDemand(MessageSearchDao.class);
        if (!CONFIG_NAME.matcher(textSearchConfig).matches()) {
            throw new IllegalArgumentException("a text search configuration is a lower-case name such as 'simple' or 'english', not '"
                    + textSearchConfig + "'");
        }
        this.textSearchConfig = textSearchConfig;
        this.configLiteral = "'" + textSearchConfig + "'::regconfig";
    }

    @Override
    public List<SearchHit> searchMessages(UserId owner, SearchQuery query, Filters filters, Optional<SearchCursor> after, int limit) {
        Long chat = filters.chat().map(ChatId::value).orElse(null);
        String actor = filters.actor().map(Actor::wireName).orElse(null);
        Float afterRelevance = after.map(SearchCursor::relevance).orElse(null);
        Long afterId = after.map(SearchCursor::messageId).orElse(null);
        var since = filters.since().map(RowMapping::toStoredPrecision).orElse(null);
        var until = filters.until().map(RowMapping::toStoredPrecision).orElse(null);
        return StoreFailures.read(() -> {
            if (isPostgres()) {
                return dao.searchPostgres(configLiteral, owner.value(), query.text(), chat, actor, since, until,
                        afterRelevance, afterId, limit).stream()
                        .map(row -> hit(row, Snippets.ofHeadline(row.headline(), MessageSearchDao.MATCH_START, MessageSearchDao.MATCH_END)))
                        .toList();
            }
            return dao.searchH2(owner.value(), H2Patterns.of(query), chat, actor, since, until, afterRelevance, afterId, limit).stream()
                    .map(row -> hit(row, Snippets.ofContent(row.content(), query)))
                    .toList();
        });
    }

    /**
     * Checks the text search configuration against the database: on PostgreSQL it must exist (else every search
     * would fail), and @return whether an index serves it (else searches still work, reading every message of
     * the user); on H2, which has no configurations, true.
     *
     * @throws IllegalStateException when PostgreSQL has no such configuration
     */
    public boolean checkTextSearchConfig() {
        return StoreFailures.read(() -> {
            if (!isPostgres()) {
                return true;
            }
            if (dao.countTextSearchConfigs(textSearchConfig.substring(textSearchConfig.indexOf('.') + 1)) == 0) {
                throw new IllegalStateException("PostgreSQL has no text search configuration '" + textSearchConfig
                        + "' (search.textSearchConfig); see \\dF in psql");
            }
            String indexed = "to_tsvector('" + textSearchConfig + "'::regconfig, \"left\"(content, 100000))"; // as pg_indexes writes it
            return dao.messageIndexDefinitions().stream().anyMatch(definition -> definition.toLowerCase(Locale.ROOT).contains(indexed));
        });
    }

    /**
     * The statement that builds, without blocking writes, the full-text index that serves searches with this
     * configuration. No migration builds it: it makes every insert of a message index its words, which cut
     * batch-100 inserts to about a third of their rate (BENCHMARKS.md), so it is for an operator to choose.
     */
    public String indexStatement() {
        return "create index concurrently if not exists messages_content_" + textSearchConfig.replace('.', '_') + "_fts_idx on messages"
                + " using gin (to_tsvector(" + configLiteral + ", left(content, 100000))) with (fastupdate = on)";
    }

    public String textSearchConfig() {
        return textSearchConfig;
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
                        .toLowerCase(Locale.ROOT).contains("postgresql");
            } catch (java.sql.SQLException e) {
                throw new org.jdbi.v3.core.ConnectionException(e);
            }
            postgres = known;
        }
        return known;
    }

    private static SearchHit hit(SearchHitRow row, neptun.chat.application.port.in.Snippet snippet) {
        return new SearchHit(RowMapping.toChatMessage(row.message()), row.chatName(), snippet, row.relevance());
    }
}
