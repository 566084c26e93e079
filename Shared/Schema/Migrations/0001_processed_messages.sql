-- Exactly-once effects: a consumer writes its effects and a row here in one transaction, and
-- skips (but still re-emits downstream) a message whose row already exists.
CREATE TABLE processed_messages (
    consumer text NOT NULL,
    message_id uuid NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
