-- Events the hub refused for good (it answered them under "rejected"): set aside with the hub's
-- reason instead of being resent forever, kept (never purged) so a technician can read them.
ALTER TABLE outbox ADD COLUMN rejected_at INTEGER;
ALTER TABLE outbox ADD COLUMN rejection TEXT;

DROP INDEX outbox_unconfirmed;
CREATE INDEX outbox_pending ON outbox (sequence) WHERE confirmed_at IS NULL AND rejected_at IS NULL;
