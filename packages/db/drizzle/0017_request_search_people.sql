-- The desk finds a request by who filed it, not only by what it says: its
-- reference number ("2026-000001" or "000001"), the organisation, the
-- contact's name and email. They go into the request's search row as it is
-- filed, and are added to the rows of requests filed before.
DROP TRIGGER IF EXISTS `request_search_on_request`;
--> statement-breakpoint
CREATE TRIGGER `request_search_on_request` AFTER INSERT ON `requests`
BEGIN
  INSERT INTO `request_search` (rowid, content) VALUES (
    NEW.id,
    NEW.subject || ' ' || NEW.description || char(10) ||
      NEW.number || ' ' || NEW.organisation || ' ' || NEW.contact_name || ' ' || NEW.contact_email
  );
END;
--> statement-breakpoint
UPDATE `request_search` SET content = content || char(10) || (
  SELECT r.number || ' ' || r.organisation || ' ' || r.contact_name || ' ' || r.contact_email
  FROM `requests` r WHERE r.id = `request_search`.rowid
);
