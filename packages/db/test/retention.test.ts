import { type EscalationPacket, searchTerms } from "@frontline/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendEvent,
  changeStatus,
  changeTags,
  countDueForDeletion,
  countQueueByStatus,
  createEscalation,
  createStaffUser,
  createUpload,
  deleteClosedRequests,
  driverError,
  findDeletedRequest,
  getRequestByNumber,
  listAttachments,
  listEscalations,
  listEvents,
  listOutbox,
  listQueue,
  type RequestRow,
  runStatement,
  tagsInUse,
} from "../src/index.ts";
import { fileAt } from "./fixtures.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

const cutoff = new Date("2026-06-01T00:00:00Z");
const now = new Date("2026-12-02T10:00:00Z");
const mail = {
  kind: "status",
  recipient: "li.wei@contoso.cn",
  locale: "en",
  subject: "Closed",
  body: "…",
} as const;

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

let uploads = 0;
/** An upload of `sha256`'s bytes, sent with a note on the request at `iso`. */
async function attach(request: RequestRow, sha256: string, iso: string) {
  uploads += 1;
  const tokenHash = `${uploads}`.padStart(64, "0");
  const at = new Date(iso);
  await createUpload(database.db, {
    tokenHash,
    name: "screenshot.png",
    contentType: "image/png",
    size: 68,
    sha256,
    uploadedBy: "staff",
    at,
    expiresAt: new Date(at.getTime() + 86_400_000),
  });
  await appendEvent(database.db, {
    requestId: request.id,
    type: "internal-note",
    actor: "agent",
    at,
    body: "Screenshot from the customer",
    attachments: [tokenHash],
  });
}

async function closeAt(request: RequestRow, iso: string) {
  const current = await getRequestByNumber(database.db, request.number);
  if (!current) throw new Error("request vanished");
  return changeStatus(
    database.db,
    {
      requestId: request.id,
      from: current.status,
      to: "closed",
      actor: "agent",
      at: new Date(iso),
    },
    mail,
  );
}

/** Two old closed requests (one escalated, with files), one recent closed and one open. */
async function desk() {
  const agent = await createStaffUser(
    database.db,
    { email: "agent@partner.cn", name: "Agent", role: "agent", passwordHash: "x" },
    now,
  );
  const old = await fileAt(database.db, "2026-01-10T09:00:00Z", { subject: "Zebrafish outage" });
  await attach(old, "a".repeat(64), "2026-01-10T10:00:00Z");
  await attach(old, "b".repeat(64), "2026-01-10T10:05:00Z");
  await createEscalation(
    database.db,
    {
      request: (await getRequestByNumber(database.db, old.number)) as RequestRow,
      packet: { description: "Zebrafish outage" } as unknown as EscalationPacket,
      byId: agent.id,
      byRole: "agent",
      at: new Date("2026-01-11T09:00:00Z"),
    },
    mail,
  );
  const current = (await getRequestByNumber(database.db, old.number)) as RequestRow;
  await changeTags(database.db, {
    requestId: old.id,
    expectedVersion: current.version,
    by: { id: agent.id, name: agent.name, role: "agent" },
    at: new Date("2026-01-12T09:00:00Z"),
    tags: { add: ["vip"], remove: [] },
  });
  await closeAt(old, "2026-02-01T09:00:00Z");
  const older = await fileAt(database.db, "2025-11-01T09:00:00Z");
  await closeAt(older, "2025-11-02T09:00:00Z");
  const recent = await fileAt(database.db, "2026-01-05T09:00:00Z");
  await attach(recent, "b".repeat(64), "2026-01-05T10:00:00Z");
  await closeAt(recent, "2026-11-20T09:00:00Z");
  const open = await fileAt(database.db, "2025-01-05T09:00:00Z", { subject: "Zebrafish again" });
  return { old, older, recent, open };
}

describe("the retention policy's deletion", () => {
  it("counts and deletes only closed requests untouched since the cutoff, oldest change first", async () => {
    const { old, older, recent, open } = await desk();
    expect(await countDueForDeletion(database.db, cutoff)).toBe(2);
    const batch = await deleteClosedRequests(database.db, { cutoff, now, limit: 100 });
    expect(batch.numbers).toEqual([older.number, old.number]);
    expect(await getRequestByNumber(database.db, old.number)).toBeNull();
    expect(await getRequestByNumber(database.db, older.number)).toBeNull();
    expect((await getRequestByNumber(database.db, recent.number))?.status).toBe("closed");
    expect((await getRequestByNumber(database.db, open.number))?.status).toBe("new");
    expect(await countDueForDeletion(database.db, cutoff)).toBe(0);
  });

  it("takes the timeline, files, escalation, mail, tags and search row along, and keeps a tombstone", async () => {
    const { old } = await desk();
    await deleteClosedRequests(database.db, { cutoff, now, limit: 100 });
    expect(await listAttachments(database.db, old.id)).toEqual([]);
    expect(await listEscalations(database.db)).toEqual([]);
    expect(await tagsInUse(database.db)).toEqual([]);
    expect((await listOutbox(database.db)).filter((m) => m.requestId === old.id)).toEqual([]);
    expect(await listEvents(database.db, old.id, { includeInternal: true })).toEqual([]);
    const found = await listQueue(
      database.db,
      { search: searchTerms("zebrafish") },
      { sort: "created", order: "asc", limit: 50, now },
    );
    expect(found.items.map((item) => item.subject)).toEqual(["Zebrafish again"]);
    expect(await findDeletedRequest(database.db, old.number)).toMatchObject({
      number: old.number,
      lastChangedAt: new Date("2026-02-01T09:00:00Z"),
      deletedAt: now,
    });
  });

  it("answers the files no other request uses, for the store to remove", async () => {
    await desk();
    const batch = await deleteClosedRequests(database.db, { cutoff, now, limit: 100 });
    // b… is also the recent request's screenshot, so its bytes stay.
    expect(batch.unusedFiles).toEqual(["a".repeat(64)]);
  });

  it("keeps the queue's counts per status true", async () => {
    await desk();
    await deleteClosedRequests(database.db, { cutoff, now, limit: 100 });
    expect(await countQueueByStatus(database.db, {}, now)).toEqual({ closed: 1, new: 1 });
  });

  it("deletes a batch at a time, so a long backlog never holds the database in one transaction", async () => {
    const { older, old } = await desk();
    expect((await deleteClosedRequests(database.db, { cutoff, now, limit: 1 })).numbers).toEqual([
      older.number,
    ]);
    expect((await deleteClosedRequests(database.db, { cutoff, now, limit: 1 })).numbers).toEqual([
      old.number,
    ]);
    expect((await deleteClosedRequests(database.db, { cutoff, now, limit: 1 })).numbers).toEqual(
      [],
    );
  });

  it("lets two servers delete at once, each taking requests the other has not", async () => {
    const { older, old } = await desk();
    const batches = await Promise.all([
      deleteClosedRequests(database.db, { cutoff, now, limit: 1 }),
      deleteClosedRequests(database.db, { cutoff, now, limit: 1 }),
    ]);
    expect(batches.flatMap((b) => b.numbers).sort()).toEqual([older.number, old.number].sort());
  });

  it("keeps a request merged into one it deletes, losing only the link", async () => {
    const { recent } = await desk();
    const duplicate = await fileAt(database.db, "2025-10-01T09:00:00Z");
    await closeAt(duplicate, "2025-10-02T09:00:00Z");
    // The recent request was merged into the old one: only the old one is due.
    await runStatement(
      database.db,
      `UPDATE requests SET merged_into_id = ${duplicate.id} WHERE id = ${recent.id}`,
    );
    await deleteClosedRequests(database.db, { cutoff, now, limit: 100 });
    expect((await getRequestByNumber(database.db, recent.number))?.mergedIntoId).toBeNull();
  });

  it("still refuses to delete the timeline of a request that was not deleted", async () => {
    const { open } = await desk();
    await deleteClosedRequests(database.db, { cutoff, now, limit: 100 });
    await expect(
      runStatement(database.db, `DELETE FROM request_events WHERE request_id = ${open.id}`).catch(
        (error) => Promise.reject(driverError(error)),
      ),
    ).rejects.toThrow(/append-only/);
  });
});
