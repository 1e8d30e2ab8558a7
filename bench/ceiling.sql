-- The SQL one create-messages request makes, for pgbench: the session lookup (SessionDao.findByTokenHash),
-- then the single statement that checks ownership and inserts the batch (AppendMessagesStatement.SQL,
-- with the "returning" clause the JDBC driver adds for the generated ids). Each statement runs in its
-- own transaction, as a request written alone does. The variables are set with pgbench -D by bench/run.
select token_hash, user_id, created_at, expires_at, revoked_at
from sessions
where token_hash = :tokenhash;

insert into messages (user_id, chat_id, content, actor, created_at)
select cast(:owner as text), cast(:chat as bigint), t.content, t.actor,
       cast(:createdat as timestamp with time zone)
from unnest(cast(:contents as text array), cast(:actors as text array)) with ordinality as t(content, actor, ord)
where exists (select 1 from chats c where c.user_id = :owner and c.id = :chat)
order by t.ord
returning "id";
