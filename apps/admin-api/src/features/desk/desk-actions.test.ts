import { getRequestByNumber, listOutbox, runStatement, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { postedIncident } from "../../../test/incidents.ts";
import { readJson } from "../../../test/test-app.ts";

async function deskWithRequest() {
  const desk = await deskTest();
  const row = await desk.file({ severity: "B", locale: "de" });
  return { desk, number: row.number };
}

const mailsTo = async (desk: DeskTest) =>
  (await listOutbox(desk.db)).map((m) => ({ kind: m.kind, to: m.recipient, body: m.body ?? "" }));

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  return readJson(response);
}

describe("claiming and assigning", () => {
  it("lets an agent claim a request, on the internal timeline and in the audit log", async () => {
    const { desk, number } = await deskWithRequest();
    const response = await desk.act(
      number,
      "assignment",
      { assigneeId: "me" },
      { ...desk.agent.headers, "X-Forwarded-For": "203.0.113.7" },
    );
    expect(response.status).toBe(200);
    const request = await readJson(response);
    expect(request).toMatchObject({
      version: 2,
      assignee: { id: desk.agent.user.id, name: "Test agent", email: "agent@partner.example" },
    });
    expect(request.timeline.at(-1)).toMatchObject({
      type: "assignment",
      internal: true,
      summary: "Assigned to Test agent",
      data: { from: null, to: desk.agent.user.id, toName: "Test agent" },
    });
    const entry = (await desk.db.select().from(tablesOf(desk.db).auditLog)).find(
      (row) => row.action === "request.assign",
    );
    expect(entry).toMatchObject({
      actorId: desk.agent.user.id,
      actorLabel: "agent@partner.example",
      target: number,
      clientAddress: "203.0.113.7",
    });
    expect(entry?.detail).toEqual({ from: null, to: desk.agent.user.id });
  });

  it("assigns to another agent and back to nobody", async () => {
    const { desk, number } = await deskWithRequest();
    await desk.act(number, "assignment", { assigneeId: desk.otherAgent.user.id });
    expect((await desk.detail(number)).assignee.id).toBe(desk.otherAgent.user.id);
    const unassigned = await readJson(await desk.act(number, "assignment", { assigneeId: null }));
    expect(unassigned.assignee).toBeNull();
  });

  it("refuses to assign to an operator or to someone who does not exist", async () => {
    const { desk, number } = await deskWithRequest();
    for (const assigneeId of [desk.operator.user.id, 9999]) {
      const body = await problem(await desk.act(number, "assignment", { assigneeId }), 422);
      expect(body.errors[0].field).toBe("assigneeId");
    }
  });

  it("changes nothing when the request already has that assignee", async () => {
    const { desk, number } = await deskWithRequest();
    await desk.act(number, "assignment", { assigneeId: "me" });
    const again = await readJson(await desk.act(number, "assignment", { assigneeId: "me" }));
    expect(again.version).toBe(2);
  });
});

describe("classifying", () => {
  it("changes severity and category with an internal entry saying what changed", async () => {
    const { desk, number } = await deskWithRequest();
    const request = await readJson(
      await desk.act(number, "classification", { severity: "A", category: "billing" }),
    );
    expect(request).toMatchObject({ severity: "A", category: "billing", version: 2 });
    expect(request.timeline.at(-1)).toMatchObject({
      type: "internal-note",
      kind: "classification",
      internal: true,
      body: null,
      summary: "Severity B → A; category connectivity → billing.",
    });
  });

  it("needs a severity or a category", async () => {
    const { desk, number } = await deskWithRequest();
    await problem(await desk.act(number, "classification", {}), 422);
    await problem(await desk.act(number, "classification", { severity: "Z" }), 422);
  });
});

describe("replying and noting", () => {
  it("mails a public reply to the customer and stops the first-response clock", async () => {
    const { desk, number } = await deskWithRequest();
    const response = await desk.act(number, "replies", { body: "Bitte melden Sie sich neu an." });
    expect(response.status).toBe(201);
    const request = await readJson(response);
    expect(request.firstResponseAt).toBe("2026-11-21T09:30:00.000Z");
    expect(request.timeline.at(-2)).toMatchObject({ type: "reply", internal: false });
    const reply = (await mailsTo(desk)).find((m) => m.kind === "reply");
    expect(reply?.to).toBe("li.wei@contoso.cn");
    expect(reply?.body).toContain("Bitte melden Sie sich neu an.");
  });

  it("keeps an internal note off the customer's mail", async () => {
    const { desk, number } = await deskWithRequest();
    const response = await desk.act(number, "notes", { body: "Customer's admin is on leave." });
    expect(response.status).toBe(201);
    const request = await readJson(response);
    expect(request.timeline.at(-1)).toMatchObject({
      type: "internal-note",
      kind: "note",
      internal: true,
      by: "Test agent",
    });
    expect(await mailsTo(desk)).toEqual([]);
  });

  it("refuses an empty message and a reply on a closed request", async () => {
    const { desk, number } = await deskWithRequest();
    await problem(await desk.act(number, "notes", { body: "   " }), 422);
    await desk.act(number, "status", { status: "closed" });
    const body = await problem(await desk.act(number, "replies", { body: "Hello?" }), 409);
    expect(body.type).toContain("request-closed");
  });
});

describe("changing status", () => {
  it("moves along the lifecycle and mails the customer the new status in their language", async () => {
    const { desk, number } = await deskWithRequest();
    const request = await readJson(
      await desk.act(number, "status", { status: "waiting-on-customer" }),
    );
    expect(request).toMatchObject({ status: "waiting-on-customer", version: 2 });
    expect(request.allowedStatuses).toEqual(["open", "resolved", "closed"]);
    const [mail] = await listOutbox(desk.db);
    expect(mail?.subject).toContain("Wartet auf Ihre Antwort");
  });

  it("refuses a move the lifecycle does not allow with a 409 that says why", async () => {
    const { desk, number } = await deskWithRequest();
    const same = await problem(await desk.act(number, "status", { status: "new" }), 409);
    expect(same.detail).toBe("The request is already received.");
    await desk.act(number, "status", { status: "closed" });
    const reopen = await problem(await desk.act(number, "status", { status: "open" }), 409);
    expect(reopen).toMatchObject({
      title: "This change is not possible now",
      detail: "A request that is closed cannot be moved to in progress.",
    });
  });

  it("sends escalation through the escalation form, which carries the packet", async () => {
    const { desk, number } = await deskWithRequest();
    const body = await problem(await desk.act(number, "status", { status: "escalated" }), 409);
    expect(body.detail).toContain("/escalations");
  });
});

describe("stale edits", () => {
  const actions: [string, Record<string, unknown>][] = [
    ["assignment", { assigneeId: "me" }],
    ["classification", { severity: "A" }],
    ["replies", { body: "A reply written against an old version" }],
    ["notes", { body: "A note written against an old version" }],
    ["status", { status: "open" }],
    ["incident", { incidentId: null }],
  ];

  for (const [action, body] of actions) {
    it(`are refused with 409 and change nothing (${action})`, async () => {
      const { desk, number } = await deskWithRequest();
      // Someone else changes the request after our agent read it at version 1.
      await desk.act(
        number,
        "notes",
        { body: "Meanwhile, a colleague's note." },
        desk.otherAgent.headers,
      );
      const response = await desk.act(number, action, { ...body, version: 1 });
      const problemBody = await problem(response, 409);
      expect(problemBody.type).toContain("stale");
      expect((await getRequestByNumber(desk.db, number))?.version).toBe(2);
      expect(await mailsTo(desk)).toEqual([]);
    });
  }
});

describe("merging a duplicate", () => {
  async function twoRequests() {
    const desk = await deskTest();
    const original = await desk.file({ subject: "Outlook asks for the password again and again" });
    const duplicate = await desk.file({ subject: "Password prompts in Outlook", locale: "it" });
    return { desk, original, duplicate };
  }

  it("closes the duplicate, tells its customer, and notes it on the request that carries on", async () => {
    const { desk, original, duplicate } = await twoRequests();
    const merged = await readJson(
      await desk.act(duplicate.number, "merge", { into: original.number.toLowerCase() }),
    );
    expect(merged).toMatchObject({ status: "closed", mergedInto: original.number });
    const kinds = merged.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(-2)).toEqual(["reply", "status-change"]);
    expect(merged.timeline.at(-2).body).toContain(original.number);

    const target = await desk.detail(original.number);
    expect(target.duplicates).toEqual([{ number: duplicate.number, subject: duplicate.subject }]);
    expect(target.timeline.at(-1)).toMatchObject({ kind: "merge", internal: true });
    expect(target.timeline.at(-1).summary).toContain(duplicate.number);

    const [mail] = await mailsTo(desk);
    expect(mail?.kind).toBe("reply");
    expect(mail?.body).toContain(`insieme alla ${original.number}`);
  });

  it("refuses to merge into itself, into a closed request, or into one that does not exist", async () => {
    const { desk, original, duplicate } = await twoRequests();
    await problem(await desk.act(duplicate.number, "merge", { into: duplicate.number }), 422);
    await problem(await desk.act(duplicate.number, "merge", { into: "SR-2026-999999" }), 422);
    await desk.act(original.number, "status", { status: "closed" });
    const closed = await problem(
      await desk.act(duplicate.number, "merge", { into: original.number }),
      409,
    );
    expect(closed.type).toContain("merge-target-closed");
  });

  it("leaves an escalated request open: the lifecycle does not close it", async () => {
    const { desk, original, duplicate } = await twoRequests();
    await runStatement(
      desk.db,
      "UPDATE requests SET status = 'escalated' WHERE id = ?",
      duplicate.id,
    );
    const refused = await problem(
      await desk.act(duplicate.number, "merge", { into: original.number }),
      409,
    );
    expect(refused.type).toContain("transition-not-allowed");
  });
});

describe("linking to an incident", () => {
  it("links and unlinks, with an internal entry each time", async () => {
    const { desk, number } = await deskWithRequest();
    const incident = await postedIncident(desk, {
      impact: "degraded",
      status: "identified",
      message: { en: "Mail is slow" },
    });
    const linked = await readJson(await desk.act(number, "incident", { incidentId: incident.id }));
    expect(linked.incident).toMatchObject({ id: incident.id });
    expect(linked.timeline.at(-1)).toMatchObject({ kind: "incident", internal: true });
    const unlinked = await readJson(await desk.act(number, "incident", { incidentId: null }));
    expect(unlinked.incident).toBeNull();
    expect(unlinked.timeline.at(-1).summary).toBe(`Unlinked from incident #${incident.id}.`);
  });

  it("refuses an incident that does not exist", async () => {
    const { desk, number } = await deskWithRequest();
    const body = await problem(await desk.act(number, "incident", { incidentId: 4242 }), 422);
    expect(body.errors[0].field).toBe("incidentId");
  });
});

describe("the audit log", () => {
  it("records every action with who did it, on which request, from where", async () => {
    const { desk, number } = await deskWithRequest();
    const other = await desk.file({ subject: "The same problem again" });
    const from = { ...desk.agent.headers, "X-Forwarded-For": "198.51.100.4" };
    await desk.act(number, "assignment", { assigneeId: "me" }, from);
    await desk.act(number, "classification", { category: "billing" }, from);
    await desk.act(number, "replies", { body: "Looking into it." }, from);
    await desk.act(number, "notes", { body: "Asked the billing team." }, from);
    await desk.act(number, "status", { status: "waiting-on-customer" }, from);
    await desk.act(number, "incident", { incidentId: null }, from);
    await desk.act(other.number, "merge", { into: number }, from);
    const entries = (
      await desk.db.select().from(tablesOf(desk.db).auditLog).orderBy(tablesOf(desk.db).auditLog.id)
    ).map((entry) => ({
      action: entry.action,
      target: entry.target,
      actor: entry.actorLabel,
      address: entry.clientAddress,
    }));
    const row = (action: string, target = number) => ({
      action,
      target,
      actor: "agent@partner.example",
      address: "198.51.100.4",
    });
    expect(entries).toEqual([
      row("request.assign"),
      row("request.classify"),
      row("request.reply"),
      row("request.note"),
      row("request.status"),
      row("request.merge", other.number),
    ]);
  });
});

describe("actions on a request that does not exist", () => {
  it("answer 404", async () => {
    const desk = await deskTest();
    await problem(await desk.act("SR-2026-999999", "notes", { body: "Hi", version: 1 }), 404);
  });
});
