import { addSubscription, appendEvent, createCustomer } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest, numbers } from "../../../test/desk.ts";
import { postedIncident } from "../../../test/incidents.ts";
import { readJson } from "../../../test/test-app.ts";

/**
 * A small desk: requests of every kind, filed at different times. With
 * the default policy (A: 1 h first response, B: 4 h, C: 8 h) and the clock
 * at 09:30, their first-response clocks fall due in a known order.
 */
async function stockedDesk() {
  const desk = await deskTest();
  const customer = await createCustomer(
    desk.db,
    { organisation: "Contoso Trading", tenantDomain: "contoso.partner.cn", contacts: [] },
    desk.clock.now(),
  );
  await addSubscription(
    desk.db,
    customer.id,
    { service: "mail", seats: 40, status: "active", renewalDate: new Date("2027-03-01") },
    desk.clock.now(),
  );
  const incident = await postedIncident(desk, {
    impact: "degraded",
    message: { en: "Mail is slow" },
    startedAt: new Date("2026-11-21T07:00:00Z"),
  });
  const r = {
    // due 09:00 (breached)
    lateA: await desk.file(
      { severity: "A", subject: "Mailbox unreachable for finance", service: "mail" },
      { at: "2026-11-21T08:00:00Z", customerId: customer.id },
    ),
    // due 09:40 (at risk: less than a quarter of the hour left)
    riskyA: await desk.file(
      { severity: "A", category: "billing", subject: "Invoice portal shows an error" },
      { at: "2026-11-21T08:40:00Z" },
    ),
    // due 12:00
    normalB: await desk.file(
      { severity: "B", category: "performance", service: "files", subject: "Sync is slow" },
      { at: "2026-11-21T08:00:00Z", customerId: customer.id },
    ),
    // due 17:00
    quietC: await desk.file(
      { severity: "C", category: "how-to", service: "meetings", subject: "Share a calendar" },
      { at: "2026-11-21T09:00:00Z" },
    ),
    // waiting on the customer: paused, nothing due
    waiting: await desk.file(
      { severity: "B", subject: "Printer mapping question" },
      { at: "2026-11-21T07:00:00Z" },
    ),
    // closed: nothing due
    done: await desk.file(
      { severity: "C", subject: "Password reset done" },
      { at: "2026-11-20T07:00:00Z" },
    ),
    // linked to the incident, due 16:20 (C, filed 08:20)
    linked: await desk.file(
      { severity: "C", subject: "Mail delayed by hours", service: "mail", incidentId: incident.id },
      { at: "2026-11-21T08:20:00Z" },
    ),
  };
  await desk.move(r.waiting, "waiting-on-customer");
  await desk.move(r.done, "resolved");
  await desk.move(r.done, "closed");
  await desk.act(r.normalB.number, "assignment", { assigneeId: desk.agent.user.id });
  await desk.act(r.quietC.number, "assignment", { assigneeId: desk.otherAgent.user.id });
  return { ...desk, r, customer, incident };
}

type Stocked = Awaited<ReturnType<typeof stockedDesk>>;
const n = (desk: Stocked, ...keys: (keyof Stocked["r"])[]) => keys.map((k) => desk.r[k].number);

describe("the queue", () => {
  it("lists requests by SLA due, soonest first, with paused and finished ones last by id", async () => {
    const desk = await stockedDesk();
    const page = await desk.queue();
    expect(numbers(page)).toEqual(
      n(desk, "lateA", "riskyA", "normalB", "linked", "quietC", "waiting", "done"),
    );
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({
      number: desk.r.lateA.number,
      status: "new",
      severity: "A",
      customer: { id: desk.customer.id, organisation: "Contoso Trading" },
      unknownOrganisation: false,
      assignee: null,
      sla: { state: "breached", dueAt: "2026-11-21T09:00:00.000Z", breached: true, atRisk: false },
    });
    expect(page.items[1]).toMatchObject({ unknownOrganisation: true, customer: null });
    expect(page.items[1].sla).toMatchObject({ state: "at-risk", atRisk: true, breached: false });
    expect(page.items.at(-2).sla).toEqual({
      state: "paused",
      dueAt: null,
      breached: false,
      atRisk: false,
    });
    expect(page.items.at(-1).sla.state).toBe("done");
  });

  it("reverses the SLA order on request, still keeping requests with nothing due last", async () => {
    const desk = await stockedDesk();
    expect(numbers(await desk.queue("?order=desc"))).toEqual(
      n(desk, "quietC", "linked", "normalB", "riskyA", "lateA", "done", "waiting"),
    );
  });

  it("sorts by filing time, newest first by default, or oldest first", async () => {
    const desk = await stockedDesk();
    const newest = n(desk, "quietC", "riskyA", "linked", "normalB", "lateA", "waiting", "done");
    expect(numbers(await desk.queue("?sort=created"))).toEqual(newest);
    expect(numbers(await desk.queue("?sort=created&order=asc"))).toEqual([...newest].reverse());
  });

  it("sorts by last change, which an assignment or a message counts as", async () => {
    const desk = await stockedDesk();
    desk.clock.set("2026-11-21T09:40:00Z");
    await appendEvent(desk.db, {
      requestId: desk.r.lateA.id,
      type: "customer-message",
      actor: "customer",
      at: desk.clock.now(),
      body: "Any news?",
    });
    expect(numbers(await desk.queue("?sort=updated")).slice(0, 1)).toEqual(n(desk, "lateA"));
  });

  it("filters by one or more statuses, repeated or comma-separated", async () => {
    const desk = await stockedDesk();
    expect(numbers(await desk.queue("?status=waiting-on-customer"))).toEqual(n(desk, "waiting"));
    const both = n(desk, "waiting", "done");
    expect(numbers(await desk.queue("?status=closed&status=waiting-on-customer"))).toEqual(both);
    expect(numbers(await desk.queue("?status=closed,waiting-on-customer"))).toEqual(both);
  });

  it("filters by severity, category and service", async () => {
    const desk = await stockedDesk();
    expect(numbers(await desk.queue("?severity=A"))).toEqual(n(desk, "lateA", "riskyA"));
    expect(numbers(await desk.queue("?category=billing,how-to"))).toEqual(
      n(desk, "riskyA", "quietC"),
    );
    expect(numbers(await desk.queue("?service=files"))).toEqual(n(desk, "normalB"));
    expect(numbers(await desk.queue("?service=mail&severity=C"))).toEqual(
      n(desk, "linked", "done"),
    );
  });

  it("filters by customer, or by organisations no customer matched", async () => {
    const desk = await stockedDesk();
    expect(numbers(await desk.queue(`?customer=${desk.customer.id}`))).toEqual(
      n(desk, "lateA", "normalB"),
    );
    const unknown = await desk.queue("?customer=unknown");
    expect(numbers(unknown)).toEqual(n(desk, "riskyA", "linked", "quietC", "waiting", "done"));
    expect(
      unknown.items.every((i: { unknownOrganisation: boolean }) => i.unknownOrganisation),
    ).toBe(true);
  });

  it("filters by assignee: someone, me, or nobody", async () => {
    const desk = await stockedDesk();
    expect(numbers(await desk.queue("?assignee=me"))).toEqual(n(desk, "normalB"));
    expect(numbers(await desk.queue("?assignee=me", desk.otherAgent.headers))).toEqual(
      n(desk, "quietC"),
    );
    expect(numbers(await desk.queue(`?assignee=${desk.otherAgent.user.id}`))).toEqual(
      n(desk, "quietC"),
    );
    expect(numbers(await desk.queue("?assignee=none"))).toEqual(
      n(desk, "lateA", "riskyA", "linked", "waiting", "done"),
    );
    const assigned = await desk.queue("?assignee=me");
    expect(assigned.items[0].assignee).toEqual({ id: desk.agent.user.id, name: "Test agent" });
  });

  it("filters by breached and at-risk SLA", async () => {
    const desk = await stockedDesk();
    expect(numbers(await desk.queue("?sla=breached"))).toEqual(n(desk, "lateA"));
    expect(numbers(await desk.queue("?sla=at-risk"))).toEqual(n(desk, "riskyA"));
  });

  it("filters by the incident a request is linked to", async () => {
    const desk = await stockedDesk();
    const page = await desk.queue(`?incident=${desk.incident.id}`);
    expect(numbers(page)).toEqual(n(desk, "linked"));
    expect(page.items[0].incidentId).toBe(desk.incident.id);
  });

  it("counts requests per status for the filters, whatever status is filtered", async () => {
    const desk = await stockedDesk();
    const all = { new: 5, open: 0, "waiting-on-customer": 1, escalated: 0, resolved: 0, closed: 1 };
    expect((await desk.queue()).counts).toEqual(all);
    expect((await desk.queue("?status=closed")).counts).toEqual(all);
    expect((await desk.queue("?severity=B&status=new")).counts).toEqual({
      ...all,
      new: 1,
      closed: 0,
    });
  });
});

async function walk(desk: DeskTest, query: string, limit: number, from: string | null = null) {
  const seen: string[] = [];
  let cursor: string | null = from;
  let pages = 0;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : "";
    const page = await desk.queue(`?${query}&limit=${limit}${suffix}`);
    seen.push(...numbers(page));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return seen;
}

describe("the queue's pages", () => {
  /** Twenty requests filed in pairs (so dues and filing times tie), some of them paused. */
  async function crowdedDesk() {
    const desk = await deskTest();
    for (let i = 0; i < 20; i++) {
      const minute = String(Math.floor(i / 2) * 3).padStart(2, "0");
      const row = await desk.file(
        {
          severity: (["A", "B", "C"] as const)[Math.floor(i / 2) % 3],
          subject: `Crowded request ${i}`,
        },
        { at: `2026-11-21T08:${minute}:00Z` },
      );
      if (i % 4 === 1) await desk.move(row, "waiting-on-customer");
    }
    return desk;
  }

  for (const query of [
    "sort=sla",
    "sort=sla&order=desc",
    "sort=created",
    "sort=created&order=asc",
    "sort=updated",
    "sort=updated&order=asc",
  ]) {
    it(`walk the whole queue without repeating or skipping a request (${query})`, async () => {
      const desk = await crowdedDesk();
      const everything = numbers(await desk.queue(`?${query}&limit=100`));
      expect(everything).toHaveLength(20);
      for (const limit of [1, 3, 7]) {
        expect(await walk(desk, query, limit)).toEqual(everything);
      }
    });
  }

  it("continue where they left off when a request is filed between two pages", async () => {
    const desk = await crowdedDesk();
    const first = await desk.queue("?sort=created&order=asc&limit=5");
    const filed = await desk.file({ subject: "Filed while paging" });
    const rest = await walk(desk, "sort=created&order=asc", 5, first.nextCursor);
    const seen = [...numbers(first), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(21);
    expect(seen.at(-1)).toBe(filed.number);
  });

  it("refuse a cursor made for another order, or one the queue never handed out", async () => {
    const desk = await crowdedDesk();
    const first = await desk.queue("?limit=5");
    for (const query of [`?sort=created&cursor=${first.nextCursor}`, "?cursor=not-a-cursor"]) {
      const response = await desk.send("GET", `/api/v1/queue${query}`, desk.agent.headers);
      expect(response.status).toBe(422);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      expect((await readJson(response)).errors[0].field).toBe("cursor");
    }
  });

  it("hold at most 100 requests, 25 unless asked", async () => {
    const desk = await crowdedDesk();
    expect((await desk.queue("?limit=100")).items).toHaveLength(20);
    expect((await desk.send("GET", "/api/v1/queue?limit=101", desk.agent.headers)).status).toBe(
      422,
    );
    expect((await desk.send("GET", "/api/v1/queue?limit=0", desk.agent.headers)).status).toBe(422);
  });
});

describe("the queue's refusals", () => {
  it("names every invalid filter in one problem", async () => {
    const desk = await deskTest();
    const response = await desk.send(
      "GET",
      "/api/v1/queue?status=pending&severity=Z&service=fax&sla=late&sort=priority&colour=red",
      desk.agent.headers,
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    const fields = (await readJson(response)).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(["status.0", "severity.0", "sla", "sort", "colour"]),
    );
  });

  it("refuses a service that is not in the catalogue", async () => {
    const desk = await deskTest();
    const response = await desk.send("GET", "/api/v1/queue?service=fax", desk.agent.headers);
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0]).toMatchObject({ field: "service" });
  });

  it("is closed to anonymous callers (401) and to operators (403)", async () => {
    const desk = await deskTest();
    const anonymous = await desk.send("GET", "/api/v1/queue", {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("Content-Type")).toBe("application/problem+json");
    expect((await desk.send("GET", "/api/v1/queue", desk.operator.headers)).status).toBe(403);
    expect((await desk.send("GET", "/api/v1/queue", desk.admin.headers)).status).toBe(200);
  });
});
