-- Sign-in links asked for on the sign-in page, waiting for the notifier to email them. The page
-- records the request; the notifier makes the link (so its secret exists only in the email it
-- writes) and sends it through the delivery ledger like any other email.
CREATE TABLE sign_in_requests (
    id uuid PRIMARY KEY,
    trust_id text NOT NULL,
    email text NOT NULL,
    -- The page to open once signed in: /cases, /cases/<id> or /trust.
    next_path text,
    requested_at timestamptz NOT NULL,
    -- Set when the notifier has emailed the link, or found the request too old to send.
    handled_at timestamptz
);
CREATE INDEX sign_in_requests_pending ON sign_in_requests (requested_at) WHERE handled_at IS NULL;

-- A sign-in email belongs to no school when it goes to a trust-level contact.
ALTER TABLE notification_deliveries ALTER COLUMN school_id DROP NOT NULL;

-- Page views and actions on the case pages are audited as the API's requests are, by session.
ALTER TABLE audit_log ADD COLUMN session_id uuid;
