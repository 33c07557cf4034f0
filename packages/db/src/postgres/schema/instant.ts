import { timestamp } from "drizzle-orm/pg-core";

/**
 * A point in time: timestamptz to the millisecond, read and written as a
 * Date, the same as SQLite's integer milliseconds on the other side.
 */
export const instant = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: "date" });
