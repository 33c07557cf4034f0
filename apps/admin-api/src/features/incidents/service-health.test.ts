import { describe, expect, it } from "vitest";
import { postedIncident } from "../../../test/incidents.ts";
import { staffWithToken } from "../../../test/staff.ts";
import { callJson, readJson, testApp } from "../../../test/test-app.ts";

describe("service health", () => {
  it("calls every service operational when there is no incident", async () => {
    const { app } = await testApp();
    const response = await app.request("/api/v1/service-health");
    // Caches may keep it seconds, not minutes: a new incident must show at once.
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=5");
    const body = await readJson(response);
    expect(body.incidents).toEqual([]);
    expect(body.services.every((s: { status: string }) => s.status === "operational")).toBe(true);
    expect(body.checkedAt).toBe("2026-11-21T09:30:00.000Z");
  });

  it("shows an active incident in the reader's language and marks its service", async () => {
    const { app, db, clock } = await testApp();
    await postedIncident(
      { db, clock },
      {
        impact: "outage",
        message: { en: "No mail can be sent.", it: "Non è possibile inviare posta." },
        startedAt: new Date("2026-11-21T09:00:00Z"),
      },
    );
    const body = await readJson(await app.request("/api/v1/service-health?locale=it"));
    expect(body.services.find((s: { id: string }) => s.id === "mail")).toEqual({
      id: "mail",
      label: "Posta e calendario",
      status: "outage",
    });
    expect(body.incidents).toEqual([
      expect.objectContaining({
        service: "mail",
        serviceLabel: "Posta e calendario",
        message: "Non è possibile inviare posta.",
      }),
    ]);
  });
});

describe("the status page's timelines and history", () => {
  it("shows each update newest first, and a message missing in the reader's language in English, saying so", async () => {
    const test = await testApp();
    const operator = await staffWithToken(test.db, "operator");
    const posted = await readJson(
      await callJson(test.app, "POST", "/api/v1/incidents", operator.headers, {
        service: "mail",
        impact: "degraded",
        status: "investigating",
        startedAt: "2026-11-21T09:00:00Z",
        message: { en: "Mail is slow.", de: "E-Mails sind langsam." },
      }),
    );
    test.clock.set("2026-11-21T09:45:00Z");
    await callJson(test.app, "PATCH", `/api/v1/incidents/${posted.id}`, operator.headers, {
      status: "identified",
      message: { en: "A storage node is overloaded." },
    });
    const body = await readJson(await test.app.request("/api/v1/service-health?locale=de"));
    expect(body.incidents[0].updates).toEqual([
      {
        stage: "identified",
        message: "A storage node is overloaded.",
        messageLanguage: "en",
        at: "2026-11-21T09:45:00.000Z",
      },
      {
        stage: "investigating",
        message: "E-Mails sind langsam.",
        messageLanguage: "de",
        at: "2026-11-21T09:30:00.000Z",
      },
    ]);
  });

  it("keeps resolved incidents of the last 90 days with their timeline, and drops older ones", async () => {
    const test = await testApp();
    const operator = await staffWithToken(test.db, "operator");
    const post = async (startedAt: string) =>
      readJson(
        await callJson(test.app, "POST", "/api/v1/incidents", operator.headers, {
          service: "files",
          impact: "outage",
          status: "investigating",
          startedAt,
          message: { en: `Files are down since ${startedAt}.` },
        }),
      );
    test.clock.set("2026-08-01T10:00:00Z");
    const old = await post("2026-08-01T09:00:00Z");
    await callJson(
      test.app,
      "POST",
      `/api/v1/incidents/${old.id}/resolution`,
      operator.headers,
      {},
    );
    test.clock.set("2026-11-20T10:00:00Z");
    const recent = await post("2026-11-20T09:00:00Z");
    await callJson(
      test.app,
      "POST",
      `/api/v1/incidents/${recent.id}/resolution`,
      operator.headers,
      {
        message: { en: "Files are back." },
      },
    );
    test.clock.set("2026-11-21T09:30:00Z");
    const body = await readJson(await test.app.request("/api/v1/service-health?locale=en"));
    expect(body.incidents).toEqual([]);
    expect(body.history.map((i: { id: number }) => i.id)).toEqual([recent.id]);
    expect(
      body.history[0].updates.map((u: { stage: string; message: string }) => [u.stage, u.message]),
    ).toEqual([
      ["resolved", "Files are back."],
      ["investigating", "Files are down since 2026-11-20T09:00:00Z."],
    ]);
  });
});
