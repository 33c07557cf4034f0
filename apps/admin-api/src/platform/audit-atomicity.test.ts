import {
  breakWrites,
  type Db,
  getRequestByNumber,
  getStaffUser,
  repairWrites,
  tableRowCounts,
} from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser } from "../../test/browser.ts";
import { deskTest } from "../../test/desk.ts";
import { callJson, postJson, readJson, validRequest } from "../../test/test-app.ts";

/** From now on every audit entry fails to be written, as a full disk or a broken file would. */
async function breakAuditLog(db: Db) {
  await breakWrites(db, { name: "audit_log_broken", table: "audit_log", event: "INSERT" });
}

const outage = {
  service: "mail",
  impact: "outage",
  status: "investigating",
  startedAt: "2026-11-21T09:00:00Z",
  message: { en: "Mail cannot be sent." },
};

describe("a change and its audit entry", () => {
  it("are stored together or not at all: when the audit entry cannot be written, no desk change is made", async () => {
    const desk = await deskTest();
    const row = await desk.file();
    const before = { status: row.status, version: row.version };
    await breakAuditLog(desk.db);
    const rows = await tableRowCounts(desk.db);
    for (const [action, body] of [
      ["status", { status: "waiting-on-customer" }],
      ["assignment", { assigneeId: "me" }],
      ["notes", { body: "Checked the mail flow." }],
      ["replies", { body: "We are on it." }],
    ] as const) {
      const response = await desk.act(row.number, action, body);
      expect(response.status, action).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await tableRowCounts(desk.db)).toEqual(rows);
    const after = await getRequestByNumber(desk.db, row.number);
    expect({ status: after?.status, version: after?.version }).toEqual(before);
  });

  it("are stored together or not at all for staff, tokens, customers and incidents", async () => {
    const desk = await deskTest();
    const { app, db } = desk;
    const session = await signedInBrowser(app, db, "agent", { email: "ana@partner.example" });
    await breakAuditLog(db);
    const rows = await tableRowCounts(db);
    const attempts = [
      session.browser.request("/api/v1/tokens", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrf },
        body: JSON.stringify({ name: "script" }),
      }),
      callJson(app, "POST", "/api/v1/users", desk.admin.headers, {
        email: "new@partner.example",
        name: "New Person",
        role: "agent",
      }),
      callJson(app, "PATCH", `/api/v1/users/${desk.agent.user.id}`, desk.admin.headers, {
        role: "admin",
      }),
      callJson(app, "POST", "/api/v1/customers", desk.admin.headers, {
        organisation: "Fabrikam",
        tenantDomain: "fabrikam.example",
        contacts: [{ name: "Ida Tech", email: "it@fabrikam.example" }],
      }),
      callJson(app, "POST", "/api/v1/incidents", desk.operator.headers, outage),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(500);
    expect(await tableRowCounts(db)).toEqual(rows);
    expect((await getStaffUser(db, desk.agent.user.id))?.role).toBe("agent");
  });
});

describe("resolving an incident with its linked requests", () => {
  it("moves all of them or none: one refused move leaves the incident and every request as they were", async () => {
    const desk = await deskTest();
    const { app, db } = desk;
    const incident = await readJson(
      await callJson(app, "POST", "/api/v1/incidents", desk.operator.headers, outage),
    );
    const linked = [];
    for (let i = 0; i < 3; i++) {
      linked.push(
        await readJson(
          await postJson(app, "/api/v1/requests", { ...validRequest, incidentId: incident.id }),
        ),
      );
    }
    // The second request's move fails inside the resolution, as a lost write would.
    const second = await getRequestByNumber(db, linked[1].number);
    await breakWrites(db, {
      name: "refuse_second",
      table: "requests",
      event: "UPDATE OF status",
      rowId: second?.id,
    });
    const rows = await tableRowCounts(db);
    const response = await callJson(
      app,
      "POST",
      `/api/v1/incidents/${incident.id}/resolution`,
      desk.admin.headers,
      { resolveLinkedRequests: true, message: { en: "Mail flows again." } },
    );
    expect(response.status).toBe(500);
    expect(await tableRowCounts(db)).toEqual(rows);
    for (const filed of linked) {
      expect((await getRequestByNumber(db, filed.number))?.status).toBe("new");
    }
    const health = await readJson(await app.request("/api/v1/service-health"));
    expect(health.incidents.map((i: { id: number }) => i.id)).toContain(incident.id);

    // Once the fault is gone, the same resolution moves all three.
    await repairWrites(db, "refuse_second", "requests");
    const retried = await readJson(
      await callJson(
        app,
        "POST",
        `/api/v1/incidents/${incident.id}/resolution`,
        desk.admin.headers,
        {
          resolveLinkedRequests: true,
          message: { en: "Mail flows again." },
        },
      ),
    );
    expect([...retried.resolvedRequests].sort()).toEqual(linked.map((f) => f.number).sort());
  });
});
