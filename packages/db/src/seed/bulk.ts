import type Database from "better-sqlite3";

/**
 * The search triggers rewrite a request's index row on every timeline entry,
 * which is three quarters of a bulk load's time. Inside the seed's
 * transaction they are dropped and put back exactly as they were (a failure
 * rolls both back), and the new rows are indexed in one statement instead.
 */
export function suspendSearchTriggers(client: Database.Database): () => void {
  const triggers = client
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'request_search_%'",
    )
    .all() as { name: string; sql: string }[];
  for (const t of triggers) client.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of triggers) client.exec(t.sql);
  };
}

/** What the triggers would have written (see migration 0007): subject, description, messages. */
export function indexForSearch(client: Database.Database, fromId: number) {
  client
    .prepare(
      `INSERT INTO request_search (rowid, content)
       SELECT r.id, r.subject || ' ' || r.description || coalesce(char(10) || (
         SELECT group_concat(e.body, char(10)) FROM request_events e
         WHERE e.request_id = r.id AND e.body IS NOT NULL AND e.type <> 'created'
       ), '')
       FROM requests r WHERE r.id >= ?`,
    )
    .run(fromId);
}
