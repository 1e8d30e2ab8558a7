-- The SQL one create-messages request with a fresh Idempotency-Key makes, for pgbench (bench/run --keys):
-- the session lookup, then in one transaction the insert of the batch (AppendMessagesStatement.SQL) and the
-- key's row (RecordKeyStatement.SQL, with a fingerprint and a stored result of the service's sizes). The key
-- is new in every transaction: the client's number, a random number and the clock.
\set k random(1, 4000000000)
select token_hash, user_id, created_at, expires_at, revoked_at
from sessions
where token_hash = :tokenhash;

begin;
insert into messages (user_id, chat_id, content, actor, created_at)
select cast(:owner as text), cast(:chat as bigint), t.content, t.actor,
       cast(:createdat as timestamp with time zone)
from unnest(cast(:contents as text array), cast(:actors as text array)) with ordinality as t(content, actor, ord)
where exists (select 1 from chats c where c.user_id = :owner and c.id = :chat)
order by t.ord
returning "id";
insert into idempotency_keys (user_id, idempotency_key, fingerprint, result, created_at, expires_at)
values (cast(:owner as text), 'ceiling-' || :client_id || '-' || :k || '-' || clock_timestamp(),
        md5(random()::text) || md5(random()::text),
        'messages/1|1|' || :k || '|' || :chat || '|' || :owner || '|' || (cast(:contents as text array))[1] || '|user|' || :createdat,
        cast(:createdat as timestamp with time zone), cast(:createdat as timestamp with time zone) + interval '1 day');
commit;
