-- What SQLite's migrations 0001, 0007 and 0008 do, in PostgreSQL's own terms.

-- The request timeline is append-only: history is corrected by new events, never rewritten.
CREATE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'request_events is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER request_events_no_change BEFORE UPDATE OR DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION request_events_append_only();
--> statement-breakpoint

-- The text search configuration for a request's language: its stemmer,
-- after unaccent (so "muller" finds "Müller", as SQLite's remove_diacritics
-- does). Chinese has no stemmer here: 'simple' keeps each run of
-- characters as one word, as SQLite's unicode61 tokenizer does.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION frontline_en (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION frontline_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION frontline_de (COPY = german);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION frontline_de ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION frontline_it (COPY = italian);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION frontline_it ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION frontline_simple (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION frontline_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
CREATE FUNCTION request_search_config(locale text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE locale
    WHEN 'de' THEN 'frontline_de'::regconfig
    WHEN 'it' THEN 'frontline_it'::regconfig
    WHEN 'en' THEN 'frontline_en'::regconfig
    ELSE 'frontline_simple'::regconfig
  END
$$;
--> statement-breakpoint

-- One search document per request: the subject and description, then every
-- message added to the timeline, each in the request's language. A GIN
-- index answers the queue's searches; the triggers keep it current in the
-- same transaction as the text.
CREATE TABLE request_search (
  request_id integer PRIMARY KEY REFERENCES requests(id),
  document tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX request_search_document_idx ON request_search USING gin (document);
--> statement-breakpoint
CREATE FUNCTION request_search_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_search (request_id, document)
  VALUES (NEW.id, to_tsvector(request_search_config(NEW.locale), NEW.subject || ' ' || NEW.description));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER request_search_on_request AFTER INSERT ON requests
  FOR EACH ROW EXECUTE FUNCTION request_search_on_request();
--> statement-breakpoint
CREATE FUNCTION request_search_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE request_search s
  SET document = s.document || to_tsvector(request_search_config(r.locale), NEW.body)
  FROM requests r
  WHERE s.request_id = NEW.request_id AND r.id = NEW.request_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER request_search_on_event AFTER INSERT ON request_events
  FOR EACH ROW WHEN (NEW.body IS NOT NULL AND NEW.type <> 'created')
  EXECUTE FUNCTION request_search_on_event();
--> statement-breakpoint

-- Requests per status, kept by triggers: the queue shows these counts on
-- every page, and reading six rows costs nothing where counting 100,000
-- requests does. Filtered counts still count the rows that match.
CREATE TABLE request_status_counts (
  status text PRIMARY KEY,
  n integer NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION request_status_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE request_status_counts SET n = n - 1 WHERE status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO request_status_counts (status, n) VALUES (NEW.status, 1)
      ON CONFLICT (status) DO UPDATE SET n = request_status_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER request_status_counts_on_insert AFTER INSERT OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION request_status_counts_keep();
--> statement-breakpoint
CREATE TRIGGER request_status_counts_on_update AFTER UPDATE OF status ON requests
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION request_status_counts_keep();
