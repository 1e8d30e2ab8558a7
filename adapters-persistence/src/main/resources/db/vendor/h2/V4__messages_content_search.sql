-- H2 only; PostgreSQL has its own V4 (db/vendor/postgresql), a full-text index. H2 searches by matching every
-- message of the user against the query's words, with no index beyond the user's key.
comment on column messages.content is 'searched by case-insensitive match of every word (no full-text index on H2)';
