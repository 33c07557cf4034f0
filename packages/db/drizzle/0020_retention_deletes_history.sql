-- The timeline stays append-only, with one way out: the retention policy
-- deletes a closed request whole. It first writes the request's tombstone
-- in deleted_requests, and only events of a request with a tombstone may go.
DROP TRIGGER IF EXISTS `request_events_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_delete` BEFORE DELETE ON `request_events`
WHEN NOT EXISTS (SELECT 1 FROM `deleted_requests` WHERE `request_id` = OLD.request_id)
BEGIN
  SELECT RAISE(ABORT, 'request_events is append-only');
END;
