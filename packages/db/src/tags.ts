/** The desk's tags on requests: changed on the internal timeline, read per page of the queue. */
import { applyTagChange, type TagChange } from "@frontline/core";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { insertAudit } from "./audit-log.ts";
import { type Db, type Queries, tablesOf, withTransaction } from "./client.ts";
import { byData, type DeskChange, updateIfCurrent } from "./desk.ts";
import { insertEvent } from "./request-timeline.ts";
import type { RequestRow } from "./requests.ts";

/** A request would carry more tags than core allows. */
export class TooManyTagsError extends Error {}

/** The tags of each request asked for, sorted; requests without tags are left out. */
export async function tagsOf(db: Queries, requestIds: readonly number[]) {
  const tags = new Map<number, string[]>();
  if (requestIds.length === 0) return tags;
  const { requestTags } = tablesOf(db);
  const rows = await db
    .select()
    .from(requestTags)
    .where(inArray(requestTags.requestId, [...requestIds]))
    .orderBy(asc(requestTags.tag));
  for (const row of rows) tags.set(row.requestId, [...(tags.get(row.requestId) ?? []), row.tag]);
  return tags;
}

/** Tags in use, the most used first: what the queue's tag filter offers. */
export async function tagsInUse(db: Db, limit = 100) {
  const { requestTags } = tablesOf(db);
  return db
    .select({ tag: requestTags.tag, requests: count() })
    .from(requestTags)
    .groupBy(requestTags.tag)
    .orderBy(desc(count()), asc(requestTags.tag))
    .limit(limit);
}

/**
 * Adds and removes tags in one change, noted on the internal timeline;
 * refused as stale if the request changed since it was read. Answers the
 * request and its tags after the change.
 */
export async function changeTags(
  db: Db,
  change: DeskChange & { readonly tags: TagChange },
): Promise<{ request: RequestRow; tags: string[] }> {
  return withTransaction(db, async (tx) => {
    const { requestTags } = tablesOf(tx);
    const before = (await tagsOf(tx, [change.requestId])).get(change.requestId) ?? [];
    const after = applyTagChange(before, change.tags);
    if (!after) throw new TooManyTagsError("A request takes at most 20 tags");
    const added = after.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !after.includes(t));
    const updated = await updateIfCurrent(tx, change, {});
    if (removed.length) {
      await tx
        .delete(requestTags)
        .where(and(eq(requestTags.requestId, change.requestId), inArray(requestTags.tag, removed)));
    }
    if (added.length) {
      await tx
        .insert(requestTags)
        .values(added.map((tag) => ({ requestId: change.requestId, tag })));
    }
    await insertEvent(tx, {
      requestId: change.requestId,
      type: "internal-note",
      actor: change.by.role,
      at: change.at,
      visibility: "internal",
      data: { kind: "tags", added, removed, ...byData(change.by) },
    });
    await insertAudit(tx, change.audit, updated);
    return { request: updated, tags: after };
  });
}
