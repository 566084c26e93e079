-- Breaches a leader records by hand on a post the engine passed (POST
-- /v1/posts/{id}/missed-breaches): labelled examples for the rules' authors, exported with the
-- "not a breach" closures by parapet feedback export. One row per post revision, behaviour and
-- leader: recording the same again changes nothing.
CREATE TABLE missed_breaches (
    id uuid PRIMARY KEY,
    trust_id text NOT NULL,
    school_id text NOT NULL,
    post_id uuid NOT NULL,
    post_revision integer NOT NULL,
    behaviour text NOT NULL,
    reported_by text NOT NULL,
    note text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (post_id, post_revision, behaviour, reported_by),
    FOREIGN KEY (post_id, post_revision) REFERENCES posts (id, revision)
);
CREATE INDEX missed_breaches_trust ON missed_breaches (trust_id, recorded_at);
