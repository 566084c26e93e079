-- Cases, their append-only events, and the notifications escalation asks for.
--
-- case_events is the record: one row per thing that happened to a case, never updated except
-- to note that it was published. cases holds each case's current state, derived from its
-- events (Case.replaying in Shared/Models) and written in the same transaction as them, so it
-- can be rebuilt from case_events at any time. case_notifications holds what the notifier is
-- asked to send, one row per notification id.
--
-- Both outgoing tables are also escalation's outbox: a row is published to its topic after the
-- transaction that wrote it commits, and published_at is set once Kafka acknowledged it. Rows
-- still unpublished after a crash are published again by the outbox sweep, under the same ids.
CREATE TABLE case_events (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL,
    sequence integer NOT NULL CHECK (sequence > 0),
    trust_id text NOT NULL,
    school_id text NOT NULL,
    kind text NOT NULL,
    -- The CaseEvent as ParapetJSON writes it.
    event jsonb NOT NULL,
    at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    UNIQUE (case_id, sequence)
);
CREATE INDEX case_events_unpublished ON case_events (recorded_at) WHERE published_at IS NULL;

CREATE TABLE cases (
    id uuid PRIMARY KEY,
    trust_id text NOT NULL,
    school_id text NOT NULL,
    -- platform:handle (AuthorKey): a handle, never a pupil's name.
    author_key text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'escalated', 'closed')),
    severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    step text NOT NULL,
    -- The sequence of the last event applied.
    last_sequence integer NOT NULL CHECK (last_sequence > 0),
    opened_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- When an unacknowledged case goes to the trust safeguarding lead; NULL when nothing is due.
    due_at timestamptz,
    -- The Case as ParapetJSON writes it.
    document jsonb NOT NULL
);
-- One open case per author per school: a repeat breach joins it.
CREATE UNIQUE INDEX cases_open_per_author ON cases (school_id, author_key) WHERE status <> 'closed';
CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX cases_school_updated ON cases (school_id, updated_at);

CREATE TABLE case_notifications (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL,
    event_id uuid NOT NULL REFERENCES case_events (id),
    trust_id text NOT NULL,
    school_id text NOT NULL,
    -- The CaseNotification as ParapetJSON writes it.
    notification jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX case_notifications_case ON case_notifications (case_id);
CREATE INDEX case_notifications_unpublished ON case_notifications (recorded_at) WHERE published_at IS NULL;
