import { DrizzleQueryError } from "drizzle-orm";

/**
 * The driver's own error behind a failed query. drizzle wraps it in one
 * whose message holds the SQL and every parameter (emails, password
 * hashes): match and log this one instead.
 */
export function driverError(error: unknown): unknown {
  return error instanceof DrizzleQueryError && error.cause !== undefined ? error.cause : error;
}

/**
 * PostgreSQL's SQLSTATEs for "the database is not there right now":
 * connection exceptions (class 08), an administrator's or crash shutdown and
 * a server not yet accepting connections (57P01–57P03), too many
 * connections (53300).
 */
const UNAVAILABLE_STATES = /^(08|57P0[123]|53300)/;
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
]);

/**
 * True when a failure says the database cannot be reached or is busy beyond
 * waiting (SQLite's lock held past its timeout), not that the query was
 * wrong: the caller may try again later, and the answer is 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = driverError(error) as { code?: unknown; message?: unknown } | null;
  const code = typeof cause?.code === "string" ? cause.code : "";
  const message = typeof cause?.message === "string" ? cause.message : "";
  return (
    UNAVAILABLE_STATES.test(code) ||
    UNAVAILABLE_ERRNOS.has(code) ||
    code === "SQLITE_BUSY" ||
    // pg's pool and client say these in words, without a code.
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections/.test(
      message,
    )
  );
}

/**
 * True when a write failed because `table.column` must be unique and the
 * value is already taken: SQLite names the column in its message,
 * PostgreSQL gives SQLSTATE 23505 with the table and the key in `detail`.
 */
export function violatesUnique(error: unknown, table: string, column: string): boolean {
  const cause = driverError(error) as {
    code?: unknown;
    message?: unknown;
    table?: unknown;
    detail?: unknown;
  } | null;
  if (cause?.code === "23505") {
    return cause.table === table && String(cause.detail).startsWith(`Key (${column})=`);
  }
  return String(cause?.message).includes(`UNIQUE constraint failed: ${table}.${column}`);
}
