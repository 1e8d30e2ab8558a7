package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Searches of one user's messages. Every filter is optional: a null parameter turns it off. Hits come in
 * descending (relevance, id) order and a page starts strictly after the cursor (relevance, id) when one is given.
 * {@code <config>} is the text search configuration as a literal ({@code 'simple'::regconfig}), so that the
 * searched expression, {@code to_tsvector(<config>, left(content, 100000))}, is the indexed one (JdbiMessageSearch.indexStatement):
 * a bound parameter would not match the index's expression.
 */
@RegisterConstructorMapper(SearchHitRow.class)
interface MessageSearchDao {
    /**
     * Marks where ts_headline's matches start and end; the content's own U+0002 and U+0003 are replaced (by
     * U+FFFD) first. The headline is the whole content (HighlightAll): by default ts_headline leaves out what its
     * parser takes for HTML tags, and the excerpt is cut by {@link Snippets}.
     */
    char MATCH_START = '\u0002';
    char MATCH_END = '\u0003';

    /**
     * PostgreSQL: the expression index on to_tsvector(config, left(content, 100000)) finds the candidates (or, for a word in
     * most of the user's messages, the planner reads the user's rows by key), ts_rank orders them, and only the
     * page's hits get a headline. The CTE is materialized so that each row's rank is computed once. {@code query}
     * is the query as the user wrote it: PostgreSQL's parser reads it as it reads the content (so that
     * {@code example.com}, {@code 3.14} or {@code e-mail} are found as they were indexed).
     */
    @SqlQuery("""
            with matches as materialized (
                select m.id, m.chat_id, m.user_id, m.content, m.actor, m.created_at, c.name as chat_name,
                       ts_rank(to_tsvector(<config>, left(m.content, 100000)), websearch_to_tsquery(<config>, :query)) as relevance
                from messages m
                join chats c on c.user_id = m.user_id and c.id = m.chat_id
                where m.user_id = :owner
                  and to_tsvector(<config>, left(m.content, 100000)) @@ websearch_to_tsquery(<config>, :query)
                  and (cast(:chat as bigint) is null or m.chat_id = cast(:chat as bigint))
                  and (cast(:actor as text) is null or m.actor = cast(:actor as text))
                  and (cast(:since as timestamp with time zone) is null or m.created_at >= cast(:since as timestamp with time zone))
                  and (cast(:until as timestamp with time zone) is null or m.created_at < cast(:until as timestamp with time zone))
            ),
            page as (
                select * from matches
                where cast(:afterId as bigint) is null
                   or (relevance, id) < (cast(:afterRelevance as real), cast(:afterId as bigint))
                order by relevance desc, id desc
                limit :limit
            )
            select p.id, p.chat_id, p.user_id, p.content, p.actor, p.created_at, p.chat_name, p.relevance,
                   ts_headline(<config>, translate(p.content, chr(2) || chr(3), chr(65533) || chr(65533)),
                               websearch_to_tsquery(<config>, :query),
                               'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) as headline
            from page p
            where p.user_id = :owner
            order by p.relevance desc, p.id desc
            """)
    List<SearchHitRow> searchPostgres(@Define("config") String config, @Bind("owner") String owner, @Bind("query") String query,
            @Bind("chat") Long chat, @Bind("actor") String actor, @Bind("since") Instant since, @Bind("until") Instant until,
            @Bind("afterRelevance") Float afterRelevance, @Bind("afterId") Long afterId, @Bind("limit") int limit);

    /**
     * H2: every message of the user (newest first, on the primary key backwards) is matched against one regular
     * expression that holds every term ({@link H2Patterns}); relevance is 0, so hits are newest first.
     */
    @SqlQuery("""
            select m.id, m.chat_id, m.user_id, m.content, m.actor, m.created_at, c.name as chat_name,
                   cast(0 as real) as relevance, cast(null as varchar) as headline
            from messages m
            join chats c on c.user_id = m.user_id and c.id = m.chat_id
            where m.user_id = :owner
              and regexp_like(m.content, :pattern)
              and (cast(:chat as bigint) is null or m.chat_id = cast(:chat as bigint))
              and (cast(:actor as varchar) is null or m.actor = cast(:actor as varchar))
              and (cast(:since as timestamp with time zone) is null or m.created_at >= cast(:since as timestamp with time zone))
              and (cast(:until as timestamp with time zone) is null or m.created_at < cast(:until as timestamp with time zone))
              and (cast(:afterId as bigint) is null
                   or cast(:afterRelevance as real) > 0
                   or (cast(:afterRelevance as real) = 0 and m.id < cast(:afterId as bigint)))
            order by m.user_id desc, m.id desc
            limit :limit
            """)
    List<SearchHitRow> searchH2(@Bind("owner") String owner, @Bind("pattern") String pattern,
            @Bind("chat") Long chat, @Bind("actor") String actor, @Bind("since") Instant since, @Bind("until") Instant until,
            @Bind("afterRelevance") Float afterRelevance, @Bind("afterId") Long afterId, @Bind("limit") int limit);

    /** PostgreSQL: how many text search configurations have this name (in any schema); a catalog read. */
    @SqlQuery("select count(*) from pg_ts_config where cfgname = :name")
    int countTextSearchConfigs(@Bind("name") String name);

    /**
     * PostgreSQL: the definitions of the indexes on messages, to tell whether one serves the configured text
     * search configuration. Names the table and schema only: a catalog read, not a user's rows.
     */
    @SqlQuery("select indexdef from pg_indexes where schemaname = current_schema() and tablename = 'messages'")
    List<String> messageIndexDefinitions();
}
