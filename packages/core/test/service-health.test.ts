import { describe, expect, it } from "vitest";
import {
  defaultServices,
  type IncidentView,
  serviceHealthReport,
  statusOfService,
} from "../src/index.ts";

const incident = (overrides: Partial<IncidentView>): IncidentView => ({
  id: 1,
  service: "mail",
  impact: "degraded",
  status: "investigating",
  message: { en: "Mail is delayed.", de: "E-Mails kommen verspätet an." },
  startedAt: new Date("2026-11-20T08:00:00Z"),
  updatedAt: new Date("2026-11-20T08:30:00Z"),
  resolvedAt: null,
  ...overrides,
});

describe("service health", () => {
  it("calls a service operational when no incident touches it", () => {
    expect(statusOfService("files", [incident({})])).toBe("operational");
  });

  it("takes the worst impact among a service's active incidents", () => {
    const incidents = [incident({ id: 1 }), incident({ id: 2, impact: "outage" })];
    expect(statusOfService("mail", incidents)).toBe("outage");
  });

  it("ignores resolved incidents", () => {
    const resolved = incident({ impact: "outage", resolvedAt: new Date("2026-11-20T09:00:00Z") });
    expect(statusOfService("mail", [resolved])).toBe("operational");
  });

  it("reports labels and messages in the reader's language, English where untranslated", () => {
    const report = serviceHealthReport(
      defaultServices,
      [incident({}), incident({ id: 2, service: "files", message: { en: "Sync is slow." } })],
      "de",
    );
    expect(report.services.find((s) => s.id === "mail")).toEqual({
      id: "mail",
      label: "E-Mail und Kalender",
      status: "degraded",
    });
    expect(report.incidents.map((i) => [i.serviceLabel, i.message])).toEqual([
      ["E-Mail und Kalender", "E-Mails kommen verspätet an."],
      ["Dateien und Teamwebsites", "Sync is slow."],
    ]);
  });
});
