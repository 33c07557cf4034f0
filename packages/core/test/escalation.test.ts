import { describe, expect, it } from "vitest";
import {
  canMoveEscalation,
  type EscalationPacket,
  escalationMissingLabels,
  escalationReadiness,
} from "../src/index.ts";

const now = new Date("2026-09-01T10:00:00Z");
const healthCheck = {
  checkedAt: new Date("2026-09-01T09:30:00Z"),
  status: "operational" as const,
  incidentId: null,
};
const complete: EscalationPacket = {
  service: "mail",
  severity: "A",
  description: "Since 08:00 no user of contoso.cn can send mail; outbound queue grows.",
  serviceHealth: {
    checkedAt: new Date("2026-09-01T09:30:00Z"),
    status: "operational",
    incidentId: null,
  },
  stepsTried: [
    "Checked the connector settings in the admin center",
    "Restarted the mail flow rule",
  ],
  articlesSeen: [],
  selfHelpOffered: true,
  partnerContact: "support@partner.example, +86 10 5555 0100",
};

describe("escalation readiness", () => {
  it("accepts a packet that shows the partner did its part", () => {
    expect(escalationReadiness(complete, now)).toEqual({ ready: true, missing: [] });
  });

  it("lists everything missing at once, so the partner fixes it in one go", () => {
    const empty = {
      ...complete,
      description: "mail broken",
      serviceHealth: null,
      stepsTried: [],
      selfHelpOffered: false,
      partnerContact: " ",
    };
    expect(escalationReadiness(empty, now)).toEqual({
      ready: false,
      missing: [
        "service-health-not-checked",
        "description-too-short",
        "no-steps-tried",
        "self-help-not-offered",
        "partner-contact-missing",
      ],
    });
  });

  it("refuses a service-health check older than an hour", () => {
    const stale = {
      ...complete,
      serviceHealth: { ...healthCheck, checkedAt: new Date("2026-09-01T08:59:59Z") },
    };
    expect(escalationReadiness(stale, now).missing).toEqual(["service-health-check-stale"]);
  });

  it("accepts a check made exactly an hour ago", () => {
    const edge = {
      ...complete,
      serviceHealth: { ...healthCheck, checkedAt: new Date("2026-09-01T09:00:00Z") },
    };
    expect(escalationReadiness(edge, now).ready).toBe(true);
  });

  it("does not count a one-word step as troubleshooting", () => {
    expect(escalationReadiness({ ...complete, stepsTried: ["restart"] }, now).missing).toEqual([
      "no-steps-tried",
    ]);
  });

  it("counts articles the customer opened as self-help already tried", () => {
    const packet = { ...complete, selfHelpOffered: false, articlesSeen: ["check-service-health"] };
    expect(escalationReadiness(packet, now).ready).toBe(true);
  });

  it("explains every missing item in all four languages", () => {
    for (const text of Object.values(escalationMissingLabels)) {
      expect(Object.keys(text).sort()).toEqual(["de", "en", "it", "zh-cn"]);
      expect(Object.values(text).every((t) => t.length > 10)).toBe(true);
    }
  });
});

describe("the operator's side of an escalation", () => {
  it("moves forward through acknowledgement and an engineer to resolution", () => {
    expect(canMoveEscalation("submitted", "acknowledged")).toBe(true);
    expect(canMoveEscalation("acknowledged", "engineer-assigned")).toBe(true);
    expect(canMoveEscalation("engineer-assigned", "resolved")).toBe(true);
  });

  it("can hand the request back to the partner until it is finished", () => {
    expect(canMoveEscalation("submitted", "returned-to-partner")).toBe(true);
    expect(canMoveEscalation("engineer-assigned", "returned-to-partner")).toBe(true);
    expect(canMoveEscalation("resolved", "returned-to-partner")).toBe(false);
  });

  it("never moves backwards or skips acknowledgement to resolve", () => {
    expect(canMoveEscalation("engineer-assigned", "acknowledged")).toBe(false);
    expect(canMoveEscalation("submitted", "resolved")).toBe(false);
    expect(canMoveEscalation("returned-to-partner", "submitted")).toBe(false);
  });
});
