-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
-- No query reads chats by their stored updated_at: listings order by the effective updated_at (the later of
-- the row's own and the chat's newest message), which is computed when read. The index only cost renames a write.
drop index chats_user_updated_idx;
