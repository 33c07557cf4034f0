import {
  addSubscription,
  appendEvent,
  createCustomer,
  getRequestByNumber,
  recordFeedback,
} from "@frontline/db";
import { describe, expect, it } from "vitest";
import { deskTest } from "../../../test/desk.ts";
import { postedIncident } from "../../../test/incidents.ts";
import { postJson, readJson, validRequest } from "../../../test/test-app.ts";

/** A request filed through the public form, so the customer holds a tracking token. */
async function filedByCustomer() {
  const desk = await deskTest();
  const at = desk.clock.now();
  const customer = await createCustomer(
    desk.db,
    {
      organisation: "Contoso Trading",
      tenantDomain: "contoso.partner.cn",
      contacts: [{ name: "Li Wei", email: "li.wei@contoso.cn", phone: "+86 21 5555 0101" }],
    },
    at,
  );
  await addSubscription(
    desk.db,
    customer.id,
    { service: "mail", seats: 40, status: "active", renewalDate: new Date("2027-03-01") },
    at,
  );
  const outage = await postedIncident(desk, {
    impact: "outage",
    message: { en: "Mail cannot be delivered" },
    startedAt: new Date("2026-11-21T08:00:00Z"),
  });
  await postedIncident(desk, {
    service: "files",
    impact: "degraded",
    message: { en: "Sync is slow" },
    startedAt: new Date("2026-11-21T08:00:00Z"),
  });
  for (const helpful of [true, false, false]) {
    await recordFeedback(
      desk.db,
      {
        submissionId: crypto.randomUUID(),
        locale: "en",
        article: "repeated-password-prompts",
        helpful,
      },
      at,
    );
  }
  const filed = await readJson(
    await postJson(desk.app, "/api/v1/requests", {
      ...validRequest,
      suggestedArticles: ["repeated-password-prompts", "connect-desktop-apps"],
      openedArticles: ["repeated-password-prompts"],
      incidentId: outage.id,
    }),
  );
  return {
    desk,
    customer,
    outage,
    number: filed.number as string,
    token: filed.trackingToken as string,
  };
}

describe("a request on the desk", () => {
  it("shows the customer, their contacts and what they bought", async () => {
    const { desk, customer, number } = await filedByCustomer();
    const request = await desk.detail(number);
    expect(request).toMatchObject({
      number,
      version: 1,
      status: "new",
      subject: validRequest.subject,
      contact: { name: "Li Wei", email: "li.wei@contoso.cn" },
      unknownOrganisation: false,
      customer: {
        id: customer.id,
        organisation: "Contoso Trading",
        tenantDomain: "contoso.partner.cn",
        contacts: [{ name: "Li Wei", email: "li.wei@contoso.cn", phone: "+86 21 5555 0101" }],
        subscriptions: [
          { service: "mail", seats: 40, status: "active", renewalDate: "2027-03-01T00:00:00.000Z" },
        ],
      },
      allowedStatuses: ["open", "waiting-on-customer", "resolved", "closed"],
    });
  });

  it("says so when no customer matched the organisation", async () => {
    const desk = await deskTest();
    const row = await desk.file({ organisation: "Unknown Ltd", email: "someone@unknown.example" });
    const request = await desk.detail(row.number);
    expect(request).toMatchObject({ unknownOrganisation: true, customer: null });
  });

  it("shows what the customer saw in the help center, with the articles' feedback", async () => {
    const { desk, number } = await filedByCustomer();
    expect((await desk.detail(number)).helpCenter).toEqual({
      suggestedArticles: ["repeated-password-prompts", "connect-desktop-apps"],
      openedArticles: ["repeated-password-prompts"],
      // Without a help-center build beside the server, the titles are the slugs.
      titles: {
        "repeated-password-prompts": "repeated-password-prompts",
        "connect-desktop-apps": "connect-desktop-apps",
      },
      feedback: [{ article: "repeated-password-prompts", helpful: 1, notHelpful: 2 }],
    });
  });

  it("shows the incident the customer filed under and the incidents going on for the service", async () => {
    const { desk, outage, number } = await filedByCustomer();
    const request = await desk.detail(number);
    expect(request.incident).toMatchObject({ id: outage.id, service: "mail", impact: "outage" });
    expect(request.activeIncidents.map((i: { id: number }) => i.id)).toEqual([outage.id]);
  });

  it("shows the whole timeline with internal notes marked, which the customer never sees", async () => {
    const { desk, number, token } = await filedByCustomer();
    await desk.act(number, "assignment", { assigneeId: "me" });
    await desk.act(number, "notes", { body: "Checked the connector: certificate expired." });
    await desk.act(number, "replies", { body: "We renewed a certificate; please try again." });
    const row = await getRequestByNumber(desk.db, number);
    await appendEvent(desk.db, {
      requestId: row?.id ?? 0,
      type: "customer-message",
      actor: "customer",
      at: desk.clock.now(),
      body: "Works again, thanks!",
    });
    await desk.act(number, "resolution", { body: "The certificate is renewed." });

    const timeline = (await desk.detail(number)).timeline;
    expect(
      timeline.map((e: { kind: string; internal: boolean; by: string | null }) => [
        e.kind,
        e.internal,
        e.by,
      ]),
    ).toEqual([
      ["created", false, null],
      ["assignment", true, "Test agent"],
      ["note", true, "Test agent"],
      ["reply", false, null],
      ["status-change", false, null],
      ["customer-message", false, null],
      ["reply", false, null],
      ["status-change", false, null],
    ]);
    expect(timeline[2]).toMatchObject({
      type: "internal-note",
      body: "Checked the connector: certificate expired.",
    });
    // The first answer opened the request; the resolution came with its own words.
    expect(timeline[4]).toMatchObject({ data: { from: "new", to: "open" } });
    expect(timeline[6]).toMatchObject({ body: "The certificate is renewed." });
    expect(timeline[7]).toMatchObject({
      data: { from: "open", to: "resolved" },
      summary: "Status: open → resolved",
    });

    const tracked = await readJson(
      await desk.app.request(`/api/v1/requests/${number}`, {
        headers: { "X-Tracking-Token": token },
      }),
    );
    const seen = JSON.stringify(tracked);
    expect(seen).not.toContain("certificate expired");
    expect(seen).not.toContain("Test agent");
    expect(tracked.timeline.map((e: { type: string }) => e.type)).toEqual([
      "created",
      "reply",
      "status-change",
      "customer-message",
      "reply",
      "status-change",
    ]);
  });

  it("keeps the desk's own records out of the steps an escalation lists as tried", async () => {
    const { desk, number } = await filedByCustomer();
    await desk.act(number, "classification", { severity: "A" });
    await desk.act(number, "notes", { body: "Restarted the mail connector for the tenant." });
    await desk.act(number, "incident", { incidentId: null });
    const draft = await desk.get(`/api/v1/desk/requests/${number}/escalation-draft`);
    expect(draft.notesToOffer.map((note: { body: string }) => note.body)).toEqual([
      "Restarted the mail connector for the tenant.",
    ]);
  });

  it("answers 404 as a problem for a number that does not exist, or is not a number", async () => {
    const desk = await deskTest();
    for (const number of ["SR-2026-999999", "hello"]) {
      const response = await desk.send(
        "GET",
        `/api/v1/desk/requests/${number}`,
        desk.agent.headers,
      );
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    }
  });

  it("accepts the reference number in any case", async () => {
    const { desk, number } = await filedByCustomer();
    expect((await desk.detail(number.toLowerCase())).number).toBe(number);
  });
});

describe("who may use the desk", () => {
  const routes = [
    ["GET", "/api/v1/queue"],
    ["GET", "/api/v1/desk/requests/{number}"],
    ...["assignment", "classification", "replies", "notes", "status", "merge", "incident"].map(
      (action) => ["POST", `/api/v1/desk/requests/{number}/${action}`],
    ),
  ] as const;

  it("refuses anonymous callers with 401 and operators with 403 on every desk route", async () => {
    const { desk, number } = await filedByCustomer();
    for (const [method, template] of routes) {
      const path = template.replace("{number}", number);
      const body = method === "POST" ? { version: 1 } : undefined;
      const anonymous = await desk.send(method, path, { "Content-Type": "application/json" }, body);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(anonymous.headers.get("Content-Type")).toBe("application/problem+json");
      const operator = await desk.send(method, path, desk.operator.headers, body);
      expect(operator.status, `${method} ${path}`).toBe(403);
    }
    // Nothing happened to the request.
    expect((await getRequestByNumber(desk.db, number))?.version).toBe(1);
  });

  it("lets admins work requests as agents do", async () => {
    const { desk, number } = await filedByCustomer();
    const response = await desk.act(number, "assignment", { assigneeId: "me" }, desk.admin.headers);
    expect(response.status).toBe(200);
    expect((await readJson(response)).assignee).toMatchObject({ id: desk.admin.user.id });
  });
});
