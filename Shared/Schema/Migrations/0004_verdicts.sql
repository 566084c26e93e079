-- The classifier's verdicts: one row per post revision per ruleset and pack version, benign
-- posts included (no breaches, severity NULL), so an operator can count coverage.
--
-- The id is the verdict's own (Verdict.id), derived by the policy engine from the post id and
-- revision, the ruleset version and the pack id and version; the unique key below says the same
-- thing in columns. The classifier inserts with ON CONFLICT DO NOTHING, so a post delivered
-- twice keeps its first verdict, which is re-emitted; after a rules or pack change the same
-- revision gets a second verdict under the new versions, and an operator can diff the two.
--
-- There is no foreign key to posts: the classifier trusts parapet.posts, not the posts table,
-- so a topic replayed into a restored database is still classified, and checking each row
-- against posts would cost the hot path an index probe per verdict.
CREATE TABLE verdicts (
    id uuid PRIMARY KEY,
    post_id uuid NOT NULL,
    post_revision integer NOT NULL CHECK (post_revision > 0),
    trust_id text NOT NULL,
    school_id text NOT NULL,
    -- platform:handle (AuthorKey): a handle, never a pupil's name.
    author_key text NOT NULL,
    ruleset_version text NOT NULL,
    pack_id text NOT NULL,
    -- 0 means a pack read from files, never applied (only outside a deployment).
    pack_version integer NOT NULL CHECK (pack_version >= 0),
    -- The most severe breach's severity; NULL for a benign verdict.
    severity text CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    -- The clauses broken with their evidence, as ParapetJSON writes Verdict.breaches; [] when benign.
    breaches jsonb NOT NULL,
    decided_at timestamptz NOT NULL,
    CHECK ((severity IS NULL) = (breaches = '[]'::jsonb)),
    -- One verdict per post revision per ruleset and pack version. Also the index for "the
    -- verdicts of this post".
    UNIQUE (post_id, post_revision, ruleset_version, pack_id, pack_version)
);

-- What an operator asks: a school's verdicts over a period ("what came in this week at Levens",
-- newest first with a backward scan). Kept to one extra index: every index is paid for on the
-- hot path, at tens of thousands of verdicts a second.
CREATE INDEX verdicts_school_decided_at ON verdicts (school_id, decided_at);
