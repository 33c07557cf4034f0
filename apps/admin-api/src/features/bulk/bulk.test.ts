import { createIncident, getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { expectPage } from "../../../test/console.ts";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { deskPagesTest } from "../../../test/desk-pages.ts";
import { readJson } from "../../../test/test-app.ts";

const bulk = (desk: DeskTest, numbers: string[], action: Record<string, unknown>) =>
  desk.send("POST", "/api/v1/desk/bulk", desk.agent.headers, { numbers, action });

const statusOf = async (desk: DeskTest, number: string) =>
  (await getRequestByNumber(desk.db, number))?.status;

describe("bulk actions over the API", () => {
  it("close what may be closed and report, with the reason, the request that may not", async () => {
    const desk = await deskTest();
    const fresh = await desk.file({ subject: "Duplicate of the outage" });
    const waiting = await desk.file({ subject: "No answer for a week" });
    await desk.move(waiting, "waiting-on-customer");
    const escalated = await desk.file({ subject: "With the operator" });
    await desk.move(escalated, "escalated");

    const response = await bulk(
      desk,
      [fresh.number, waiting.number, escalated.number, "SR-2026-999999"],
      {
        type: "close",
      },
    );
    expect(response.status).toBe(200);
    const outcome = await readJson(response);
    expect(outcome).toMatchObject({ changed: 2, refused: 2 });
    expect(outcome.results).toEqual([
      { number: fresh.number, ok: true, status: "closed", problem: null },
      { number: waiting.number, ok: true, status: "closed", problem: null },
      {
        number: escalated.number,
        ok: false,
        status: null,
        problem: expect.objectContaining({ type: "transition-not-allowed" }),
      },
      {
        number: "SR-2026-999999",
        ok: false,
        status: null,
        problem: expect.objectContaining({ type: "not-found" }),
      },
    ]);
    expect(await statusOf(desk, escalated.number)).toBe("escalated");
    expect(await statusOf(desk, fresh.number)).toBe("closed");
  });

  it("assign, tag and link many requests, each through its own rules", async () => {
    const desk = await deskTest();
    const first = await desk.file();
    const second = await desk.file();
    const incident = await createIncident(
      desk.db,
      {
        service: "mail",
        impact: "outage",
        status: "investigating",
        startedAt: desk.clock.now(),
        message: { en: "Mail is down." },
      },
      desk.clock.now(),
    );
    const numbers = [first.number, second.number];
    expect(
      (await readJson(await bulk(desk, numbers, { type: "assign", assigneeId: "me" }))).changed,
    ).toBe(2);
    expect(
      (await readJson(await bulk(desk, numbers, { type: "tags", add: ["outage"] }))).changed,
    ).toBe(2);
    expect(
      (await readJson(await bulk(desk, numbers, { type: "incident", incidentId: incident.id })))
        .changed,
    ).toBe(2);
    const view = await desk.detail(second.number);
    expect(view).toMatchObject({ tags: ["outage"], assignee: { id: desk.agent.user.id } });
    expect(view.incident?.id).toBe(incident.id);
    // Resolving needs the text the customer reads, so a bulk move to resolved is refused per request.
    const resolved = await readJson(
      await bulk(desk, numbers, { type: "status", status: "resolved" }),
    );
    expect(resolved.results.map((r: { problem: { type: string } }) => r.problem.type)).toEqual([
      "resolution-needs-message",
      "resolution-needs-message",
    ]);
  });

  it("refuse an empty or oversized selection and an unknown action, changing nothing", async () => {
    const desk = await deskTest();
    const request = await desk.file();
    expect((await bulk(desk, [], { type: "close" })).status).toBe(422);
    const many = Array.from({ length: 101 }, () => request.number);
    expect((await bulk(desk, many, { type: "close" })).status).toBe(422);
    expect((await bulk(desk, [request.number], { type: "delete" })).status).toBe(422);
    expect(await statusOf(desk, request.number)).toBe("new");
  });
});

describe("bulk actions in the console", () => {
  it("tick requests in the queue, close them, and list what happened to each", async () => {
    const test = await deskPagesTest();
    const fresh = await test.file({ subject: "Duplicate" });
    const escalated = await test.file({ subject: "With the operator" });
    await test.move(escalated, "escalated");
    const queue = await (await test.console.browser.get("/admin/queue")).text();
    expect(queue).toContain(
      `<input type="checkbox" name="numbers" value="${fresh.number}" form="bulk-form" aria-label="Select ${fresh.number}"/>`,
    );
    const response = await test.console.browser.submit("/admin/queue/bulk", {
      numbers: [fresh.number, escalated.number],
      action: "close",
    });
    const html = await expectPage(
      response,
      200,
      "1 changed, 1 left as they were.",
      "Done: now Closed.",
    );
    expect(html).toMatch(
      new RegExp(`data-bulk-result="refused">.*${escalated.number}.*Not changed:`),
    );
    expect(await statusOf(test, fresh.number)).toBe("closed");
  });

  it("say so when nothing was ticked", async () => {
    const test = await deskPagesTest();
    const response = await test.console.browser.submit("/admin/queue/bulk", { action: "close" });
    await expectPage(response, 422, "Tick at least one request in the queue, at most 100.");
  });
});
