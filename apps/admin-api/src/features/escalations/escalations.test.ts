import { appendEvent, getRequestByNumber, listOutbox, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../../test/staff.ts";
import {
  callJson,
  postJson,
  readJson,
  type TestApp,
  testApp,
  validRequest,
} from "../../../test/test-app.ts";

async function deskWithRequest() {
  const test = await testApp();
  const agent = await staffWithToken(test.db, "agent");
  const operator = await staffWithToken(test.db, "operator");
  const filed = await readJson(
    await postJson(test.app, "/api/v1/requests", { ...validRequest, severity: "A" }),
  );
  return {
    test,
    agent,
    operator,
    number: filed.number as string,
    token: filed.trackingToken as string,
  };
}

/** GET of a request's escalation draft, as the caller. */
const getDraft = (test: TestApp, number: string, headers: Record<string, string>) =>
  callJson(test.app, "GET", `/api/v1/desk/requests/${number}/escalation-draft`, headers);

async function completePacket(test: TestApp, number: string, headers: Record<string, string>) {
  const draft = await readJson(await getDraft(test, number, headers));
  return {
    version: draft.version as number,
    packet: {
      ...draft.packet,
      stepsTried: ["Reset the user's password and cleared the stored credentials on two desktops"],
      selfHelpOffered: true,
    },
  };
}

/** Escalates a request with a complete packet, as an agent would after doing their part. */
async function escalateComplete(test: TestApp, number: string, headers: Record<string, string>) {
  return readJson(
    await callJson(
      test.app,
      "POST",
      `/api/v1/desk/requests/${number}/escalations`,
      headers,
      await completePacket(test, number, headers),
    ),
  );
}

/** The operator's PATCH of an escalation, with the version the caller read. */
function patchEscalation(
  test: TestApp,
  escalation: { id: number; version: number },
  headers: Record<string, string>,
  change: Record<string, unknown>,
) {
  return callJson(test.app, "PATCH", `/api/v1/escalations/${escalation.id}`, headers, {
    version: escalation.version,
    ...change,
  });
}

describe("escalating to the operator", () => {
  it("prefills only what is known, offers the notes as steps tried, and lists what is still missing", async () => {
    const { test, agent, number } = await deskWithRequest();
    const request = await getRequestByNumber(test.db, number);
    await appendEvent(test.db, {
      requestId: request?.id ?? 0,
      type: "internal-note",
      actor: "agent",
      at: test.clock.now(),
      body: "Checked the mail flow rules: nothing unusual",
    });
    const draft = await readJson(await getDraft(test, number, agent.headers));
    expect(draft.packet).toMatchObject({
      service: "mail",
      severity: "A",
      description: validRequest.description,
      serviceHealth: {
        status: "operational",
        incidentId: null,
        checkedAt: "2026-11-21T09:30:00.000Z",
      },
      // The agent vouches for these: nothing is claimed for them yet.
      stepsTried: [],
      selfHelpOffered: false,
      partnerContact: "agent@partner.example",
    });
    expect(draft.notesToOffer).toEqual([
      { id: expect.any(Number), body: "Checked the mail flow rules: nothing unusual" },
    ]);
    expect(draft.readiness.missing.map((m: { item: string }) => m.item)).toEqual([
      "no-steps-tried",
      "self-help-not-offered",
    ]);
  });

  it("refuses an incomplete packet, naming every missing item, and changes nothing", async () => {
    const { test, agent, number } = await deskWithRequest();
    const draft = await readJson(await getDraft(test, number, agent.headers));
    const response = await callJson(
      test.app,
      "POST",
      `/api/v1/desk/requests/${number}/escalations`,
      agent.headers,
      {
        version: draft.version,
        packet: { ...draft.packet, serviceHealth: null, stepsTried: [] },
      },
    );
    expect(response.status).toBe(422);
    const problem = await readJson(response);
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      "service-health-not-checked",
      "no-steps-tried",
      "self-help-not-offered",
    ]);
    expect((await getRequestByNumber(test.db, number))?.status).toBe("new");
  });

  it("escalates a complete packet: the customer sees it, the operator gets it with its own clock", async () => {
    const { test, agent, operator, number, token } = await deskWithRequest();
    const response = await callJson(
      test.app,
      "POST",
      `/api/v1/desk/requests/${number}/escalations`,
      agent.headers,
      await completePacket(test, number, agent.headers),
    );
    expect(response.status).toBe(201);
    const escalation = await readJson(response);
    expect(escalation).toMatchObject({
      status: "submitted",
      request: { number, severity: "A" },
      operatorSla: { firstResponse: { state: "running", dueAt: "2026-11-21T10:30:00.000Z" } },
    });
    const tracked = await readJson(
      await test.app.request(`/api/v1/requests/${number}`, {
        headers: { "X-Tracking-Token": token },
      }),
    );
    expect(tracked).toMatchObject({
      status: "escalated",
      statusLabel: "Escalated to the operator",
    });
    expect(tracked.timeline.map((e: { type: string }) => e.type)).not.toContain("escalation");
    expect((await listOutbox(test.db)).map((m) => m.subject)).toContain(
      `[${number}] Escalated to the operator: ${validRequest.subject}`,
    );
    const list = await readJson(
      await callJson(test.app, "GET", "/api/v1/escalations", operator.headers),
    );
    expect(list.items.map((e: { request: { number: string } }) => e.request.number)).toEqual([
      number,
    ]);
  });

  it("lets the operator acknowledge and resolve, and returns the resolution to the partner to word", async () => {
    const { test, agent, operator, number, token } = await deskWithRequest();
    const escalation = await escalateComplete(test, number, agent.headers);
    test.clock.set("2026-11-21T10:00:00Z");
    const acknowledged = await readJson(
      await patchEscalation(test, escalation, operator.headers, {
        status: "acknowledged",
        operatorReference: "OP-88412",
      }),
    );
    expect(acknowledged).toMatchObject({
      status: "acknowledged",
      operatorReference: "OP-88412",
      operatorSla: { firstResponse: { state: "met" } },
    });
    const resolved = await patchEscalation(test, acknowledged, operator.headers, {
      status: "resolved",
      message: "A certificate on the mail gateway expired; renewed at 09:55.",
    });
    expect(resolved.status).toBe(200);
    const desk = await readJson(
      await callJson(test.app, "GET", `/api/v1/desk/requests/${number}`, agent.headers),
    );
    expect(desk).toMatchObject({
      status: "open",
      operatorResolution: {
        message: "A certificate on the mail gateway expired; renewed at 09:55.",
        at: "2026-11-21T10:00:00.000Z",
      },
    });
    const tracked = async () =>
      readJson(
        await test.app.request(`/api/v1/requests/${number}`, {
          headers: { "X-Tracking-Token": token },
        }),
      );
    // The operator's note is for the partner, not the customer, and nobody mails a bare "Resolved".
    expect((await tracked()).status).toBe("open");
    expect(JSON.stringify((await tracked()).timeline)).not.toContain("certificate");
    const mailed = async () => (await listOutbox(test.db)).map((m) => m.subject);
    expect((await mailed()).filter((s) => s.includes("Resolved"))).toEqual([]);

    const worded = await callJson(
      test.app,
      "POST",
      `/api/v1/desk/requests/${number}/resolution`,
      agent.headers,
      { version: desk.version, body: "We renewed an expired certificate; mail flows again." },
    );
    expect(worded.status).toBe(200);
    expect(await readJson(worded)).toMatchObject({ status: "resolved", operatorResolution: null });
    expect((await tracked()).timeline.at(-2).body).toBe(
      "We renewed an expired certificate; mail flows again.",
    );
    const [resolution] = (await listOutbox(test.db)).filter((m) => m.subject.includes("Resolved"));
    expect(resolution?.body).toContain("We renewed an expired certificate; mail flows again.");
  });

  it("asks the operator to say what fixed it before resolving, and changes nothing", async () => {
    const { test, agent, operator, number } = await deskWithRequest();
    const escalation = await escalateComplete(test, number, agent.headers);
    const acknowledged = await readJson(
      await patchEscalation(test, escalation, operator.headers, { status: "acknowledged" }),
    );
    const bare = await patchEscalation(test, acknowledged, operator.headers, {
      status: "resolved",
    });
    expect(bare.status).toBe(422);
    expect((await readJson(bare)).errors).toEqual([
      expect.objectContaining({ field: "message", code: "required" }),
    ]);
    expect((await getRequestByNumber(test.db, number))?.status).toBe("escalated");
  });

  it("returns the request to the partner when the operator hands it back", async () => {
    const { test, agent, operator, number } = await deskWithRequest();
    const escalation = await escalateComplete(test, number, agent.headers);
    await patchEscalation(test, escalation, operator.headers, {
      status: "returned-to-partner",
      message: "Tenant-side setting; see KB.",
    });
    expect((await getRequestByNumber(test.db, number))?.status).toBe("open");
  });

  it("refuses a stale update and a move the escalation cannot make with 409", async () => {
    const { test, agent, operator, number } = await deskWithRequest();
    const escalation = await escalateComplete(test, number, agent.headers);
    const skip = await patchEscalation(test, escalation, operator.headers, { status: "resolved" });
    expect(skip.status).toBe(409);
    await patchEscalation(test, escalation, operator.headers, { status: "acknowledged" });
    const stale = await patchEscalation(test, escalation, operator.headers, {
      operatorReference: "OP-1",
    });
    expect(stale.status).toBe(409);
    expect((await readJson(stale)).title).toBe("Someone changed this meanwhile");
  });

  it("keeps operators to escalations and agents out of operator updates", async () => {
    const { test, agent, operator, number } = await deskWithRequest();
    expect((await getDraft(test, number, operator.headers)).status).toBe(403);
    const escalation = await escalateComplete(test, number, agent.headers);
    const byAgent = await patchEscalation(test, escalation, agent.headers, {
      status: "acknowledged",
    });
    expect(byAgent.status).toBe(403);
    expect((await callJson(test.app, "GET", "/api/v1/escalations", {})).status).toBe(401);
  });
});

describe("the audit trail of escalations", () => {
  it("records who escalated and who updated, with their address", async () => {
    const { test, agent, operator, number } = await deskWithRequest();
    const escalation = await readJson(
      await callJson(
        test.app,
        "POST",
        `/api/v1/desk/requests/${number}/escalations`,
        { ...agent.headers, "X-Forwarded-For": "198.51.100.7" },
        await completePacket(test, number, agent.headers),
      ),
    );
    await patchEscalation(
      test,
      escalation,
      { ...operator.headers, "X-Forwarded-For": "203.0.113.9" },
      { status: "acknowledged" },
    );
    const entries = await test.db.select().from(tablesOf(test.db).auditLog);
    expect(entries.map((e) => [e.action, e.actorLabel, e.target, e.clientAddress])).toEqual([
      ["request.escalate", "agent@partner.example", number, "198.51.100.7"],
      ["escalation.update", "operator@partner.example", number, "203.0.113.9"],
    ]);
  });
});
