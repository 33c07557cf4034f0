-- The timeline stays append-only, with one way out: the retention policy
-- deletes a closed request whole. It first writes the request's tombstone
-- in deleted_requests, and only events of a request with a tombstone may go.
CREATE OR REPLACE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM deleted_requests WHERE request_id = OLD.request_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'request_events is append-only';
END $$;
