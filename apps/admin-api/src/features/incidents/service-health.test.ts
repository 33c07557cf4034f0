import { describe, expect, it } from "vitest";
import { postedIncident } from "../../../test/incidents.ts";
import { readJson, testApp } from "../../../test/test-app.ts";

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
