-- Full-text search over what a request says: its subject and description, and every
-- message on its timeline (customer messages, replies, internal notes, operator updates).
-- The timeline is append-only, so new text only ever needs to be added.
CREATE VIRTUAL TABLE `request_search` USING fts5(request_id UNINDEXED, content, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `request_search` (request_id, content) SELECT id, subject || ' ' || description FROM `requests`;
--> statement-breakpoint
INSERT INTO `request_search` (request_id, content) SELECT request_id, body FROM `request_events` WHERE body IS NOT NULL AND type <> 'created';
--> statement-breakpoint
CREATE TRIGGER `request_search_on_request` AFTER INSERT ON `requests`
BEGIN
  INSERT INTO `request_search` (request_id, content) VALUES (NEW.id, NEW.subject || ' ' || NEW.description);
END;
--> statement-breakpoint
CREATE TRIGGER `request_search_on_event` AFTER INSERT ON `request_events`
WHEN NEW.body IS NOT NULL AND NEW.type <> 'created'
BEGIN
  INSERT INTO `request_search` (request_id, content) VALUES (NEW.request_id, NEW.body);
END;
