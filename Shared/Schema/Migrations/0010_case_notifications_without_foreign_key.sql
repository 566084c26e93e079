-- A notification request and the event it tells of are written in one transaction, by
-- CaseStore.Transaction.write alone. The foreign key checked that again row by row, a lookup in
-- case_events for each request, and cost escalation about a seventh of its throughput. The
-- escalation tests check that every request's event exists.
ALTER TABLE case_notifications DROP CONSTRAINT case_notifications_event_id_fkey;
