-- PostgreSQL only; H2 has its own V4 (db/vendor/h2). Full-text search of messages (README, "Searching and exporting").
-- An expression index, not a stored tsvector column, so the table keeps no second copy of the words; GIN's
-- pending list (fastupdate) takes new entries and merges them in bulk. Searches name the same expression, so the text search
-- configuration here must be the one the service is set to (search.textSearchConfig, 'simple' by default);
-- for another configuration, create an index like this one with that configuration's name.
-- Only the first 100,000 characters are indexed: a tsvector holds at most 1 MB, and longer content of many
-- distinct words would make the insert itself fail (the default maxLength is 100,000; a larger one may be set).
-- "if not exists": on a large table, create it beforehand with "create index concurrently" under this name,
-- and this migration leaves it as it is instead of blocking writes while it builds.
create index if not exists messages_content_simple_fts_idx on messages
    using gin (to_tsvector('simple'::regconfig, left(content, 100000))) with (fastupdate = on);
