/**
 * Attachments: uploads waiting for their message, claimed by a timeline
 * entry in the same transaction that writes it, read back per request, and
 * swept away when nobody claimed them in time. The bytes are not here; the
 * app's file store keeps them under the SHA-256 recorded on each row.
 */
import { judgeAttachmentSet, type SetVerdict } from "@frontline/core";
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lt, sum } from "drizzle-orm";
import { type Db, first, one, type Queries, type Tx, tablesOf } from "./client.ts";
import type { attachments } from "./schema/index.ts";

export type AttachmentRow = typeof attachments.$inferSelect;

/** A message named uploads it may not have: unknown, expired, used already, or over a limit. */
export class AttachmentsRefusedError extends Error {
  constructor(
    readonly reason: "unknown-upload" | Exclude<SetVerdict, { ok: true }>["reason"],
    readonly limit?: number,
  ) {
    super(`Attachments refused: ${reason}`);
  }
}

export interface NewUpload {
  readonly tokenHash: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: "customer" | "staff";
  readonly at: Date;
  readonly expiresAt: Date;
}

export async function createUpload(db: Db, upload: NewUpload): Promise<AttachmentRow> {
  const { attachments } = tablesOf(db);
  return one(
    db
      .insert(attachments)
      .values({
        uploadTokenHash: upload.tokenHash,
        name: upload.name,
        contentType: upload.contentType,
        size: upload.size,
        sha256: upload.sha256,
        uploadedBy: upload.uploadedBy,
        createdAt: upload.at,
        expiresAt: upload.expiresAt,
      })
      .returning(),
  );
}

/**
 * Gives the uploads behind these token hashes to one timeline entry, inside
 * the transaction that writes it. Refuses them all if any is unknown,
 * expired or taken, or if they would pass a limit per message or request;
 * the caller's transaction then rolls back with nothing written.
 */
export async function claimUploads(
  tx: Tx,
  target: { requestId: number; eventId: number; at: Date },
  tokenHashes: readonly string[],
): Promise<void> {
  if (tokenHashes.length === 0) return;
  const { attachments } = tablesOf(tx);
  const waiting = await tx
    .select({ id: attachments.id, size: attachments.size })
    .from(attachments)
    .where(
      and(
        inArray(attachments.uploadTokenHash, [...tokenHashes]),
        isNull(attachments.eventId),
        gt(attachments.expiresAt, target.at),
      ),
    );
  if (waiting.length !== tokenHashes.length) throw new AttachmentsRefusedError("unknown-upload");
  const verdict = judgeAttachmentSet(
    waiting.map((w) => w.size),
    await attachmentTotals(tx, target.requestId),
  );
  if (!verdict.ok) throw new AttachmentsRefusedError(verdict.reason, verdict.limit);
  const claimed = await tx
    .update(attachments)
    .set({ requestId: target.requestId, eventId: target.eventId })
    .where(
      and(
        inArray(
          attachments.id,
          waiting.map((w) => w.id),
        ),
        isNull(attachments.eventId),
      ),
    )
    .returning({ id: attachments.id });
  // A second message claimed one of them meanwhile (PostgreSQL, READ COMMITTED).
  if (claimed.length !== waiting.length) throw new AttachmentsRefusedError("unknown-upload");
}

/** How many files and bytes a request holds already. */
export async function attachmentTotals(db: Queries, requestId: number) {
  const { attachments } = tablesOf(db);
  const row = await first(
    db
      .select({ files: count(), bytes: sum(attachments.size) })
      .from(attachments)
      .where(eq(attachments.requestId, requestId)),
  );
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
}

/** Every file on a request's timeline, oldest first; callers show those of the entries they show. */
export async function listAttachments(db: Db, requestId: number): Promise<AttachmentRow[]> {
  const { attachments } = tablesOf(db);
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.requestId, requestId), isNotNull(attachments.eventId)))
    .orderBy(asc(attachments.id));
}

/** One file of a request with the visibility of the entry it came with, or null. */
export async function getAttachment(db: Db, requestId: number, id: number) {
  const { attachments, requestEvents } = tablesOf(db);
  const row = await first(
    db
      .select({ attachment: attachments, visibility: requestEvents.visibility })
      .from(attachments)
      .innerJoin(requestEvents, eq(requestEvents.id, attachments.eventId))
      .where(and(eq(attachments.id, id), eq(attachments.requestId, requestId))),
  );
  return row ?? null;
}

/**
 * Deletes uploads nobody claimed before they expired, and answers the
 * store keys no row refers to any more: the files the caller may remove.
 */
export async function sweepExpiredUploads(db: Db, now: Date): Promise<string[]> {
  const { attachments } = tablesOf(db);
  const removed = await db
    .delete(attachments)
    .where(and(isNull(attachments.eventId), lt(attachments.expiresAt, now)))
    .returning({ sha256: attachments.sha256 });
  return unusedStoreKeys(db, removed);
}

/** Of the store keys of rows just deleted, those no row refers to any more. */
export async function unusedStoreKeys(
  db: Queries,
  removed: readonly { sha256: string }[],
): Promise<string[]> {
  const keys = [...new Set(removed.map((r) => r.sha256))];
  if (keys.length === 0) return [];
  const { attachments } = tablesOf(db);
  const kept = await db
    .selectDistinct({ sha256: attachments.sha256 })
    .from(attachments)
    .where(inArray(attachments.sha256, keys));
  const stillUsed = new Set(kept.map((k) => k.sha256));
  return keys.filter((key) => !stillUsed.has(key));
}
