import type { Context } from "hono";

/** The filters as the address carries them: repeatable ones as lists, empty ones dropped. */
export type RawQuery = Record<string, string | string[]>;

const LIST_KEYS = ["status", "severity", "category", "service"];
const SINGLE_KEYS = [
  "customer",
  "assignee",
  "sla",
  "satisfaction",
  "incident",
  "tag",
  "q",
  "sort",
  "order",
  "cursor",
];

/** Reads only the known filters, so `?notice=` and empty form fields do not trip validation. */
function rawFrom(all: (key: string) => string[]): RawQuery {
  const raw: RawQuery = {};
  for (const key of LIST_KEYS) {
    const values = all(key).filter((v) => v.trim() !== "");
    if (values.length > 0) raw[key] = values;
  }
  for (const key of SINGLE_KEYS) {
    const value = all(key)[0];
    if (value !== undefined && value.trim() !== "") raw[key] = value;
  }
  return raw;
}

/** The queue's filters in the page's address. */
export const rawQueueQuery = (c: Context): RawQuery => rawFrom((key) => c.req.queries(key) ?? []);

/** The queue's filters in a query string (a form carries the page's own). */
export function rawFromSearch(search: string): RawQuery {
  const params = new URLSearchParams(search);
  return rawFrom((key) => params.getAll(key));
}

/** The address of the same filters with another cursor (or none); unknown keys are dropped. */
export function queueHref(raw: RawQuery, cursor?: string): string {
  const params = new URLSearchParams();
  // In one order whatever order the filters came in (PostgreSQL's jsonb keeps its own).
  for (const key of [...LIST_KEYS, ...SINGLE_KEYS]) {
    const value = raw[key];
    if (key === "cursor" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/admin/queue?${query}` : "/admin/queue";
}

export const first = (raw: RawQuery, key: string) => {
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
};
export const listOf = (raw: RawQuery, key: string) => {
  const value = raw[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
