import { plainText } from "@frontline/core";
import { type AuditRow, listAudit } from "@frontline/db";
import { z } from "@hono/zod-openapi";
import type { AccountDeps } from "../../platform/actor.ts";

const DAY_MS = 24 * 60 * 60_000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** Form fields left empty arrive as "": they mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const moment = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), "Enter a date like 2026-11-21.")
  .openapi({ description: "A date (a whole day, UTC) or a date-time", example: "2026-11-21" });

export const auditQuerySchema = z.object({
  action: optional(plainText().max(100)).openapi({ example: "sign-in.failed" }),
  actor: optional(plainText().max(254)).openapi({
    description: "Part of the actor: an email, cli or system; any case",
  }),
  from: optional(moment),
  to: optional(moment).openapi({
    description: "Up to and including this day (or before this time)",
  }),
  cursor: optional(z.string().max(200)).openapi({ description: "nextCursor of the previous page" }),
  limit: optional(z.coerce.number().int().min(1).max(200)),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ format: "date-time" }),
    actor: z.string(),
    actorId: z.number().int().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    clientAddress: z.string().nullable(),
  })
  .openapi("AuditEntry");

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    nextCursor: z.string().nullable().openapi({ description: "null on the last page" }),
  })
  .openapi("AuditPage");

export function publicAuditEntry(row: AuditRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorLabel,
    actorId: row.actorId,
    action: row.action,
    target: row.target,
    detail: row.detail,
    clientAddress: row.clientAddress,
  };
}

const encodeCursor = (row: AuditRow) =>
  Buffer.from(JSON.stringify([row.at.getTime(), row.id])).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: number } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Number.isInteger(at) && Number.isInteger(id) ? { at: new Date(at), id } : null;
  } catch {
    return null;
  }
}

/** A bare date as `to` includes that whole day. */
function bound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  const time = Date.parse(dateOnly.test(value) ? `${value}T00:00:00Z` : value);
  return new Date(end && dateOnly.test(value) ? time + DAY_MS : time);
}

export type AuditPageResult =
  | { readonly ok: true; readonly rows: AuditRow[]; readonly nextCursor: string | null }
  | { readonly ok: false; readonly field: "cursor"; readonly message: string };

/**
 * One page of the audit log, newest first. Keyset pagination (time, then
 * id) stays correct while new entries arrive, unlike page numbers.
 */
export async function auditPage(deps: AccountDeps, query: AuditQuery): Promise<AuditPageResult> {
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (before === null) {
    return { ok: false, field: "cursor", message: "This cursor is not one the API gave out." };
  }
  const limit = query.limit ?? 50;
  const rows = await listAudit(deps.db, {
    action: query.action,
    actor: query.actor,
    from: bound(query.from, false),
    to: bound(query.to, true),
    before,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ok: true,
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
