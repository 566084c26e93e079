-- Escalation's timers beyond the acknowledgement deadline, and alerts grouped per case.
--
-- wake_at is when the sweep next looks at a case: the earliest of its acknowledgement deadline
-- (due_at, which the case API's "overdue" filter still reads), the deadline for a step after an
-- acknowledgement, the LADO referral's deadline, and the next reminder. alert_id and alert_at
-- are the case's latest alert and when it is (or was) sent: a post arriving while that alert is
-- still held joins it rather than making another (Alertmanager's group_wait and
-- group_interval). A notification with send_after in the future stays in the outbox until then.
ALTER TABLE cases ADD COLUMN wake_at timestamptz, ADD COLUMN alert_id uuid, ADD COLUMN alert_at timestamptz;
UPDATE cases SET wake_at = due_at;
CREATE INDEX cases_wake ON cases (wake_at) WHERE wake_at IS NOT NULL;

ALTER TABLE case_notifications ADD COLUMN send_after timestamptz;
CREATE INDEX case_notifications_held ON case_notifications (send_after) WHERE published_at IS NULL AND send_after IS NOT NULL;
