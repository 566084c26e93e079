-- What makes two revisions of a post "the same content": its text, its media and the name the
-- platform shows for its author. Anything else (when ingest received it, the author's kind,
-- the permalink) may differ between deliveries of one item without making an edit.
--
-- The hash is of the content as jsonb prints it, so it does not depend on key order or
-- spacing in the JSON a client sent. Defined once here and used by every path that writes or
-- compares posts (the generated column below, PostStore.record and PostStore.recordBatch).
-- convert_to is only STABLE because some encoding conversions are; converting to UTF-8 from
-- this database's fixed encoding always yields the same bytes, so the function is IMMUTABLE,
-- which a generated column requires.
CREATE FUNCTION post_content_sha256(document jsonb) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN sha256(convert_to(
    jsonb_build_array(
        document -> 'text',
        coalesce(document -> 'media', '[]'::jsonb),
        document -> 'author' -> 'display_name'
    )::text,
    'UTF8'));

-- Every revision of every post ingest has seen: one row per (post id, revision). A revision is
-- never rewritten, except that removing a post sets removed_at (in the column and in the
-- document) on its latest revision. The document is the Post exactly as ParapetJSON encodes it
-- and as it is published on parapet.posts, so "publish the stored post again" after a crash
-- sends the same bytes' worth of meaning as the first time.
CREATE TABLE posts (
    id uuid NOT NULL,
    revision integer NOT NULL CHECK (revision > 0),
    trust_id text NOT NULL,
    school_id text NOT NULL,
    -- Deliberately a foreign key: a post on an account Parapet does not watch is a bug in
    -- ingest. Removing an account that has posts from the configuration therefore fails until
    -- its posts are dealt with.
    account_id text NOT NULL REFERENCES monitored_accounts (id),
    platform text NOT NULL,
    external_id text NOT NULL,
    content_sha256 bytea NOT NULL GENERATED ALWAYS AS (post_content_sha256(document)) STORED,
    document jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    edited_at timestamptz,
    removed_at timestamptz,
    -- Also the index for "the latest revision of a post": a backward scan of (id, revision)
    -- finds it in one probe (ORDER BY revision DESC LIMIT 1), so no second index is kept.
    -- It is the final guard against two writers both making revision n: the second fails with
    -- a unique violation and retries, and never silently overwrites or skips an edit.
    PRIMARY KEY (id, revision)
);

