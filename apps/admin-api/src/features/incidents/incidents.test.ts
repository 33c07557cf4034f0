import { getRequestByNumber, listOutbox, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../../test/staff.ts";
import { callJson, postJson, readJson, testApp, validRequest } from "../../../test/test-app.ts";

const outage = {
  service: "mail",
  impact: "outage",
  status: "investigating",
  startedAt: "2026-11-21T09:00:00Z",
  message: { en: "Mail cannot be sent.", de: "E-Mails können nicht gesendet werden." },
};

/** An app with one staff member of `role`, who posted the outage through the API. */
async function postedOutage(role: "admin" | "operator") {
  const test = await testApp();
  const staff = await staffWithToken(test.db, role);
  const incident = await readJson(
    await callJson(test.app, "POST", "/api/v1/incidents", staff.headers, outage),
  );
  return { test, staff, incident };
}

describe("managing incidents", () => {
  it("lets an operator post an incident the help center shows at once", async () => {
    const test = await testApp();
    const operator = await staffWithToken(test.db, "operator");
    const response = await callJson(
      test.app,
      "POST",
      "/api/v1/incidents",
      operator.headers,
      outage,
    );
    expect(response.status).toBe(201);
    const health = await readJson(await test.app.request("/api/v1/service-health?locale=de"));
    expect(health.incidents.map((i: { message: string }) => i.message)).toEqual([
      "E-Mails können nicht gesendet werden.",
    ]);
    const [entry] = await test.db.select().from(tablesOf(test.db).auditLog);
    expect(entry).toMatchObject({
      action: "incident.create",
      actorLabel: "operator@partner.example",
    });
  });

  it("updates an incident's impact and adds a translation", async () => {
    const { test, staff: admin, incident } = await postedOutage("admin");
    const updated = await readJson(
      await callJson(test.app, "PATCH", `/api/v1/incidents/${incident.id}`, admin.headers, {
        impact: "degraded",
        status: "monitoring",
        message: { it: "La posta è lenta." },
      }),
    );
    expect(updated).toMatchObject({
      impact: "degraded",
      status: "monitoring",
      message: { en: "Mail cannot be sent.", it: "La posta è lenta." },
    });
  });

  it("resolves every linked request with one message, in each request's language", async () => {
    const { test, staff: admin, incident } = await postedOutage("admin");
    const german = await readJson(
      await postJson(test.app, "/api/v1/requests", {
        ...validRequest,
        locale: "de",
        incidentId: incident.id,
      }),
    );
    const unrelated = await readJson(await postJson(test.app, "/api/v1/requests", validRequest));
    const response = await callJson(
      test.app,
      "POST",
      `/api/v1/incidents/${incident.id}/resolution`,
      admin.headers,
      {
        resolveLinkedRequests: true,
        message: { en: "Mail flows again.", de: "E-Mails werden wieder zugestellt." },
      },
    );
    expect(await readJson(response)).toMatchObject({
      resolvedRequests: [german.number],
      leftForPartner: [],
    });
    expect((await getRequestByNumber(test.db, german.number))?.status).toBe("resolved");
    expect((await getRequestByNumber(test.db, unrelated.number))?.status).toBe("new");
    const tracked = await readJson(
      await test.app.request(`/api/v1/requests/${german.number}`, {
        headers: { "X-Tracking-Token": german.trackingToken },
      }),
    );
    expect(tracked.timeline.map((e: { body: string | null }) => e.body)).toContain(
      "E-Mails werden wieder zugestellt.",
    );
    expect(
      (await listOutbox(test.db)).some(
        (m) => m.subject === `[${german.number}] Gelöst: ${validRequest.subject}`,
      ),
    ).toBe(true);
    const health = await readJson(await test.app.request("/api/v1/service-health"));
    expect(health.incidents).toEqual([]);
  });

  /** Closes the outage, resolving a German request filed about it, and answers what its customer was mailed. */
  async function closedForGerman(message?: Record<string, string>) {
    const { test, staff: admin, incident } = await postedOutage("admin");
    const german = await readJson(
      await postJson(test.app, "/api/v1/requests", {
        ...validRequest,
        locale: "de",
        incidentId: incident.id,
      }),
    );
    await callJson(test.app, "POST", `/api/v1/incidents/${incident.id}/resolution`, admin.headers, {
      resolveLinkedRequests: true,
      ...(message ? { message } : {}),
    });
    expect((await getRequestByNumber(test.db, german.number))?.status).toBe("resolved");
    const mail = (await listOutbox(test.db)).find((m) => m.subject.includes("Gelöst"));
    return mail?.body ?? "";
  }

  it("closes a German request with the English closing message and a notice, never the incident's stale German text", async () => {
    const body = await closedForGerman({ en: "Mail flows again." });
    expect(body).toContain("Diese Nachricht liegt nicht auf Deutsch vor");
    expect(body).toContain("Mail flows again.");
    expect(body).not.toContain("E-Mails können nicht gesendet werden.");
  });

  it("closes with a standard line in the customer's language when no closing message is given", async () => {
    const body = await closedForGerman();
    expect(body).toContain("ist behoben, und damit ist auch Ihre Anfrage gelöst");
    expect(body).not.toContain("E-Mails können nicht gesendet werden.");
  });

  it("leaves requests an operator may not resolve to the partner", async () => {
    const { test, staff: operator, incident } = await postedOutage("operator");
    const filed = await readJson(
      await postJson(test.app, "/api/v1/requests", { ...validRequest, incidentId: incident.id }),
    );
    const result = await readJson(
      await callJson(
        test.app,
        "POST",
        `/api/v1/incidents/${incident.id}/resolution`,
        operator.headers,
        {
          resolveLinkedRequests: true,
        },
      ),
    );
    expect(result).toMatchObject({ resolvedRequests: [], leftForPartner: [filed.number] });
  });

  it("refuses agents, anonymous callers, and changes to a resolved incident", async () => {
    const test = await testApp();
    const admin = await staffWithToken(test.db, "admin");
    const agent = await staffWithToken(test.db, "agent");
    expect(
      (await callJson(test.app, "POST", "/api/v1/incidents", agent.headers, outage)).status,
    ).toBe(403);
    expect(
      (
        await callJson(
          test.app,
          "POST",
          "/api/v1/incidents",
          { "Content-Type": "application/json" },
          outage,
        )
      ).status,
    ).toBe(401);
    const incident = await readJson(
      await callJson(test.app, "POST", "/api/v1/incidents", admin.headers, outage),
    );
    await callJson(
      test.app,
      "POST",
      `/api/v1/incidents/${incident.id}/resolution`,
      admin.headers,
      {},
    );
    expect(
      (
        await callJson(test.app, "PATCH", `/api/v1/incidents/${incident.id}`, admin.headers, {
          status: "monitoring",
        })
      ).status,
    ).toBe(409);
  });
});
