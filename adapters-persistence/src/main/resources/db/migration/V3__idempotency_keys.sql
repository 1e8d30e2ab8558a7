-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
-- A write sent with an idempotency key records the key here, in the write's own transaction, with the request's
-- fingerprint and the write's result: a retry with the key answers with that result instead of writing again.
-- Keys belong to a user, so the table's key starts with user_id, as every other table's does.
create table idempotency_keys (
    user_id         text                     not null,
    idempotency_key text                     not null,
    -- What the request was (method, route, body): the key sent again for another request is refused.
    fingerprint     text                     not null,
    -- The write's result in the application's stored form; a replay answers with it.
    result          text                     not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    constraint idempotency_keys_pkey primary key (user_id, idempotency_key),
    constraint idempotency_keys_user_fkey foreign key (user_id) references users (id),
    constraint idempotency_keys_key_length check (char_length(idempotency_key) >= 1 and char_length(idempotency_key) <= 255),
    constraint idempotency_keys_expire_after_creation check (expires_at > created_at)
);

-- Expired keys are deleted in the background in expiry order, a bounded batch at a time.
create index idempotency_keys_expires_idx on idempotency_keys (expires_at);
