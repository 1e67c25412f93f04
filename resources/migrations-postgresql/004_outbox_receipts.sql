-- Team format 4: the outbox's tokens. A timeline entry typed while the server was away is sent with a token, kept
-- here in the same transaction as the entry; an entry sent again after its console was cut off mid-send is
-- recognised by it and not written twice.
CREATE TABLE outbox_receipts (
    token       text        PRIMARY KEY,
    entry_id    bigint      NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
