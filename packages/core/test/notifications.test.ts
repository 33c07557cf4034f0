import { describe, expect, it } from "vitest";
import { composeNotification } from "../src/index.ts";

const base = {
  number: "SR-2026-000042",
  subject: "Outlook asks for the password",
  name: "Li Wei",
  trackingUrl: "https://help.example/en/track/",
};

describe("notification emails", () => {
  it("confirm a new request with its number and the private tracking link", () => {
    const mail = composeNotification({
      ...base,
      kind: "created",
      locale: "en",
      trackingUrl: "https://help.example/en/track/#SR-2026-000042:abc",
    });
    expect(mail.subject).toBe(
      "[SR-2026-000042] We received your request: Outlook asks for the password",
    );
    expect(mail.text).toContain("Hello Li Wei,");
    expect(mail.text).toContain("https://help.example/en/track/#SR-2026-000042:abc");
    expect(mail.text).toContain("Do not forward this email.");
  });

  it("carry a public reply word for word, in the request's language", () => {
    const mail = composeNotification({
      ...base,
      kind: "reply",
      locale: "de",
      replyBody: "Bitte starten Sie Outlook neu.",
    });
    expect(mail.subject).toBe("[SR-2026-000042] Neue Antwort: Outlook asks for the password");
    expect(mail.text).toContain("Guten Tag Li Wei,");
    expect(mail.text).toContain("Bitte starten Sie Outlook neu.");
    expect(mail.text).not.toContain("Tracking-Code");
  });

  it("name the new status in plain words", () => {
    const mail = composeNotification({
      ...base,
      kind: "status-changed",
      locale: "zh-cn",
      statusLabel: "已升级至运营方",
    });
    expect(mail.subject).toBe("[SR-2026-000042] 已升级至运营方：Outlook asks for the password");
    expect(mail.text).toContain("状态现为：已升级至运营方");
  });

  it("offer the rating link after the tracking link when the request is resolved", () => {
    const mail = composeNotification({
      ...base,
      kind: "status-changed",
      locale: "de",
      statusLabel: "Gelöst",
      rateUrl: "https://help.example/de/track/#SR-2026-000042:a1.x.y:rate",
    });
    expect(mail.text).toContain(
      "Wie zufrieden sind Sie? Bewerten Sie unseren Support mit einem Klick:\nhttps://help.example/de/track/#SR-2026-000042:a1.x.y:rate",
    );
    expect(mail.text.indexOf(":rate")).toBeGreaterThan(mail.text.indexOf("Hier verfolgen"));
  });

  it("exist for every kind in every language", () => {
    for (const locale of ["en", "de", "it", "zh-cn"] as const) {
      for (const kind of ["created", "reply", "status-changed"] as const) {
        const mail = composeNotification({
          ...base,
          kind,
          locale,
          statusLabel: "X",
          replyBody: "Y",
        });
        expect(mail.subject).toContain("SR-2026-000042");
        expect(mail.text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
