-- The case API's people and its record of who did what.
--
-- api_tokens: one row per token issued by `parapet tokens issue`. Only the SHA-256 of the
-- token's secret is kept; the secret is shown once, when issued. A token belongs to one person
-- (a contact of the trust's configuration, by email) in one role, for one school or, with
-- school_id NULL, the whole trust. It stops working when it expires or is revoked.
CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    secret_sha256 bytea NOT NULL,
    trust_id text NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    -- NULL: every school of the trust (the trust safeguarding lead).
    school_id text,
    issued_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    last_used_at timestamptz,
    CHECK (expires_at > issued_at)
);
CREATE INDEX api_tokens_email ON api_tokens (email);

-- audit_log: every request the case API answered or refused, append-only. token_id and email
-- are NULL when the request carried no usable token (the attempt is recorded all the same).
CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    token_id uuid,
    email text,
    role text,
    -- read, write or denied.
    outcome text NOT NULL CHECK (outcome IN ('read', 'write', 'denied')),
    method text NOT NULL,
    path text NOT NULL,
    case_id uuid,
    -- The action recorded (acknowledge, police_contacted, …), or why the request was refused.
    detail text,
    status integer NOT NULL,
    remote_address text
);
CREATE INDEX audit_log_case ON audit_log (case_id, at) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_at ON audit_log (at);

-- What the case API's list asks: a school's cases (or all), newest first.
CREATE INDEX cases_school_opened ON cases (school_id, opened_at DESC, id DESC);
CREATE INDEX cases_opened ON cases (opened_at DESC, id DESC);
