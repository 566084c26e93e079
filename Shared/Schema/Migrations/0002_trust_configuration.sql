-- A trust's configuration as `parapet config apply` loads it. Each row keeps the model value it
-- came from as jsonb, so an apply can tell "unchanged" from "changed" and touch only the latter.
CREATE TABLE trusts (
    id text PRIMARY KEY,
    document jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schools (
    id text PRIMARY KEY,
    trust_id text NOT NULL REFERENCES trusts (id),
    document jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE monitored_accounts (
    id text PRIMARY KEY,
    trust_id text NOT NULL REFERENCES trusts (id),
    school_id text NOT NULL REFERENCES schools (id),
    platform text NOT NULL,
    external_id text NOT NULL,
    document jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Ingest finds the account of an incoming item by these two.
    UNIQUE (platform, external_id)
);

-- Pupils, staff and governors. Pupils' names are personal data: read by the classifier to
-- match names, never logged.
CREATE TABLE roster_people (
    id text PRIMARY KEY,
    trust_id text NOT NULL REFERENCES trusts (id),
    school_id text NOT NULL REFERENCES schools (id),
    kind text NOT NULL CHECK (kind IN ('pupil', 'staff', 'governor')),
    document jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roster_people_school ON roster_people (school_id, kind);

CREATE TABLE contacts (
    id text PRIMARY KEY,
    trust_id text NOT NULL REFERENCES trusts (id),
    school_id text REFERENCES schools (id),
    role text NOT NULL,
    email text NOT NULL,
    document jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every version of every pack a school has been held to (the trust default under pack_id
-- 'default'; each school's pack merged onto it under the school's id). A verdict names the
-- version it used, so old versions stay.
CREATE TABLE policy_pack_versions (
    trust_id text NOT NULL REFERENCES trusts (id),
    pack_id text NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    content_sha256 text NOT NULL,
    document jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (trust_id, pack_id, version)
);
