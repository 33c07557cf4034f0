-- The desk finds a request by who filed it, not only by what it says: its
-- reference number, the organisation, the contact's name and email. The
-- parser would keep an email or "SR-2026-000001" whole as one token, so
-- their separators become spaces: "contoso" and "000001" then match, as
-- they do on SQLite.
CREATE FUNCTION request_search_people(r requests) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsvector(
    request_search_config(r.locale),
    regexp_replace(r.number || ' ' || r.organisation || ' ' || r.contact_name || ' ' || r.contact_email, '[@.-]', ' ', 'g')
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION request_search_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_search (request_id, document)
  VALUES (
    NEW.id,
    to_tsvector(request_search_config(NEW.locale), NEW.subject || ' ' || NEW.description) || request_search_people(NEW)
  );
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE request_search s SET document = s.document || request_search_people(r)
FROM requests r WHERE r.id = s.request_id;
