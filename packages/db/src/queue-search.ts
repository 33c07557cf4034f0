import type { SearchTerm } from "@frontline/core";
import { type SQL, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { type Db, dialectOf, withRawConnection } from "./client.ts";
import { asPostgres } from "./postgres/transactions.ts";

/**
 * The queue's full-text search in each engine's own terms, with the same
 * meaning: every word must occur, a word of three letters or more also as
 * the start of a longer one. SQLite: FTS5 (migration 0007). PostgreSQL: a
 * tsvector per request in its language (drizzle-postgres/0001), searched in
 * every language the help center has, since a partner's search words can
 * be in any of them.
 */

/**
 * Up to this many SQLite full-text matches, requests are looked up by id,
 * one per match. Beyond it (a common word), an index is walked instead and
 * each row checked against the matches: the sort index when listing, the
 * status index when counting; both read fewer pages than 50,000 lookups.
 */
const FEW_MATCHES = 2_000;

/**
 * The search as an SQLite FTS5 query that cannot be a syntax error: each
 * word a quoted phrase (a prefix phrase when the term is one), all of
 * which must match.
 */
export function ftsMatchExpression(terms: readonly SearchTerm[]): string {
  return terms.map((t) => `"${t.word.replaceAll('"', "")}"${t.prefix ? "*" : ""}`).join(" ");
}

/** The configurations drizzle-postgres/0001 makes: each language's stemmer after unaccent. */
const configs = ["frontline_en", "frontline_de", "frontline_it", "frontline_simple"] as const;

/** The search as a PostgreSQL tsquery: each word in each language ORed, the words ANDed. */
export function tsQuery(terms: readonly SearchTerm[]): SQL {
  const words = terms.map((t) => {
    const lexeme = `'${t.word.replaceAll("'", "''")}'${t.prefix ? ":*" : ""}`;
    const each = configs.map((config) => sql`to_tsquery(${config}::regconfig, ${lexeme})`);
    return sql`(${sql.join(each, sql` || `)})`;
  });
  return sql.join(words, sql` && `);
}

/** Listing and counting the same search look the number of matches up once. */
const matchCounts = new WeakMap<readonly SearchTerm[], number>();

async function sqliteMatchCount(db: Db, terms: readonly SearchTerm[]): Promise<number> {
  const known = matchCounts.get(terms);
  if (known !== undefined) return known;
  const n = await withRawConnection(
    db,
    (sqlite) =>
      sqlite
        .prepare("SELECT count(*) FROM request_search WHERE request_search MATCH ?")
        .pluck()
        .get(ftsMatchExpression(terms)) as number,
  );
  matchCounts.set(terms, n);
  return n;
}

/** The condition "this request matches the search", on the requests' id column. */
export async function searchCondition(
  db: Db,
  terms: readonly SearchTerm[],
  id: AnySQLiteColumn,
): Promise<SQL> {
  if (dialectOf(db) === "postgres") {
    // ARRAY(…) is computed once, through the GIN index, before the requests are read.
    // As IN (…), the planner may walk request_search in id order to serve ORDER BY
    // id LIMIT 26 and test every row's document: 20,000 rows read for 10 matches.
    return sql`${id} = ANY(ARRAY(SELECT request_id FROM request_search WHERE document @@ (${tsQuery(terms)})))`;
  }
  const found = sql`(SELECT rowid FROM request_search WHERE request_search MATCH ${ftsMatchExpression(terms)})`;
  const few = (await sqliteMatchCount(db, terms)) <= FEW_MATCHES;
  return few ? sql`${id} IN ${found}` : sql`+${id} IN ${found}`;
}

/** Requests per status as the triggers keep them (migration 0008 / drizzle-postgres 0001). */
export async function keptStatusCounts(db: Db): Promise<{ status: string; n: number }[]> {
  const query = "SELECT status, n FROM request_status_counts";
  if (dialectOf(db) === "postgres") {
    const result = await asPostgres(db).execute<{ status: string; n: number }>(sql.raw(query));
    return result.rows;
  }
  return withRawConnection(
    db,
    (sqlite) => sqlite.prepare(query).all() as { status: string; n: number }[],
  );
}
