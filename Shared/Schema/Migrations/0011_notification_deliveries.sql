-- What the notifier sent, and the minor cases waiting for the day's digest.
--
-- notification_deliveries is the ledger that makes each email go once: one row per
-- notification (or digest) and recipient. The notifier inserts the row as 'sending' and commits
-- before it opens the SMTP transaction, and sets 'sent' in the statement right after the server
-- accepts the message. A crash can therefore only leave a row at 'sending'; the next run sends
-- that email again under the same Message-ID, and only a crash between the server's 250 and that
-- update makes a second copy (docs/architecture.md, "Exactly one email").
CREATE TABLE notification_deliveries (
    notification_id uuid NOT NULL,
    recipient text NOT NULL,
    trust_id text NOT NULL,
    school_id text NOT NULL,
    -- NULL for a digest, which is about many cases.
    case_id uuid,
    template text NOT NULL,
    message_id text NOT NULL UNIQUE,
    subject text NOT NULL,
    status text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
    -- How many times a run claimed it: above 1, a run before stopped between claim and record.
    attempts integer NOT NULL DEFAULT 1,
    -- The server's reply to the message, or its refusal.
    reply text,
    claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at timestamptz,
    PRIMARY KEY (notification_id, recipient)
);
-- A case's first email to a recipient is the root its later emails thread under.
CREATE INDEX notification_deliveries_thread ON notification_deliveries (case_id, recipient, claimed_at)
    WHERE case_id IS NOT NULL;

-- Notifications in digest mode, one row per recipient, until the day's digest gathers them.
CREATE TABLE digest_entries (
    notification_id uuid NOT NULL,
    recipient text NOT NULL,
    trust_id text NOT NULL,
    school_id text NOT NULL,
    case_id uuid NOT NULL,
    -- The CaseNotification as ParapetJSON writes it.
    notification jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    -- The digest that gathered it; NULL until one does.
    digest_id uuid,
    PRIMARY KEY (notification_id, recipient)
);
CREATE INDEX digest_entries_waiting ON digest_entries (trust_id, created_at) WHERE digest_id IS NULL;
CREATE INDEX digest_entries_digest ON digest_entries (digest_id) WHERE digest_id IS NOT NULL;
