import { and, asc, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { type Db, dialectOf, type Queries, type Tx, tablesOf, withTransaction } from "./client.ts";
import type { auditLog } from "./schema/index.ts";

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditEntry {
  readonly at: Date;
  readonly actorId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly target?: string | null;
  readonly detail?: Record<string, unknown> | null;
  readonly clientAddress?: string | null;
}

/**
 * What a change records about itself: one entry, several, or entries made
 * from the change's result (the id of what it created, say); null for none.
 */
export type AuditFor<Result> =
  | AuditEntry
  | readonly AuditEntry[]
  | ((result: Result) => AuditEntry | readonly AuditEntry[] | null);

/**
 * Writes a change's audit entries inside the change's own transaction:
 * either both are stored or neither, so a crash cannot leave a change
 * nobody can account for.
 */
export async function insertAudit<Result>(
  tx: Tx,
  audit: AuditFor<Result> | undefined,
  result: Result,
): Promise<void> {
  const made = typeof audit === "function" ? audit(result) : audit;
  const entries: readonly AuditEntry[] = made
    ? "action" in made
      ? [made as AuditEntry]
      : (made as readonly AuditEntry[])
    : [];
  for (const entry of entries) await writeEntry(tx, entry);
}

/**
 * Runs a write and its audit entries in one transaction; no entry when the
 * write found nothing to change (null or undefined).
 */
export function auditedWrite<Result>(
  db: Db,
  write: (tx: Tx) => Promise<Result | null | undefined>,
  audit: AuditFor<Result> | undefined,
): Promise<Result | null> {
  return withTransaction(db, async (tx) => {
    const result = await write(tx);
    if (result === null || result === undefined) return null;
    await insertAudit(tx, audit, result);
    return result;
  });
}

/**
 * Records an event that changes nothing else (a sign-in attempt, say).
 * A change records its entries with insertAudit, in its own transaction.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await writeEntry(db, entry);
}

async function writeEntry(db: Queries, entry: AuditEntry): Promise<void> {
  const { auditLog } = tablesOf(db);
  await db.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    clientAddress: entry.clientAddress ?? null,
  });
}

export interface AuditFilter {
  readonly action?: string;
  /** Part of the actor's label (an email, "cli", "system"), any case. */
  readonly actor?: string;
  readonly from?: Date;
  /** Exclusive upper bound. */
  readonly to?: Date;
  /** Keyset cursor: entries strictly older than this one. */
  readonly before?: { readonly at: Date; readonly id: number };
  readonly limit: number;
}

/** Audit entries newest first, filtered; page on with the last entry as `before`. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const { auditLog } = tablesOf(db);
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) {
    const label = sql`lower(${auditLog.actorLabel})`;
    const part = filter.actor.toLowerCase();
    // The same test in each engine's words: the part occurs anywhere in the label.
    conditions.push(
      dialectOf(db) === "postgres"
        ? sql`strpos(${label}, ${part}) > 0`
        : sql`instr(${label}, ${part}) > 0`,
    );
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.before) {
    const { at, id } = filter.before;
    const older = or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id)));
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit);
}

/** The actions the log holds, for a filter menu. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const { auditLog } = tablesOf(db);
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action));
  return rows.map((row) => row.action);
}
