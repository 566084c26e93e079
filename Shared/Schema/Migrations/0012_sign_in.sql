-- Leaders' sign-in to the case pages: a one-time link emailed to a known contact, then a
-- session. Only the SHA-256 of each secret is kept, so a copy of the database signs no one in.
CREATE TABLE sign_in_links (
    id uuid PRIMARY KEY,
    secret_sha256 bytea NOT NULL,
    trust_id text NOT NULL,
    email text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    -- Set once, by the redemption that made a session: a link works once.
    used_at timestamptz
);
CREATE INDEX sign_in_links_email ON sign_in_links (lower(email), created_at);

CREATE TABLE page_sessions (
    id uuid PRIMARY KEY,
    secret_sha256 bytea NOT NULL,
    trust_id text NOT NULL,
    email text NOT NULL,
    -- The link that opened it.
    link_id uuid NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    -- Signed out after this much inactivity: last_seen_at + the idle limit.
    last_seen_at timestamptz NOT NULL,
    ended_at timestamptz
);
