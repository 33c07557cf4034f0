import { describe, expect, it } from "vitest";
import {
  composeIncidentMail,
  composeSubscriptionConfirmation,
  defaultServices,
  type IncidentWithUpdates,
  readableText,
  statusReport,
} from "../src/index.ts";

const at = (iso: string) => new Date(iso);
const incident = (fields: Partial<IncidentWithUpdates>): IncidentWithUpdates => ({
  id: 1,
  service: "mail",
  impact: "outage",
  status: "investigating",
  message: { en: "Mail is down." },
  startedAt: at("2026-11-21T09:00:00Z"),
  updatedAt: at("2026-11-21T09:00:00Z"),
  resolvedAt: null,
  updates: [],
  ...fields,
});

describe("a message for one reader", () => {
  it("is in the reader's language when written in it", () => {
    expect(readableText({ en: "Down.", de: "Ausgefallen." }, "de")).toEqual({
      text: "Ausgefallen.",
      language: "de",
    });
  });

  it("is in English, saying so, when the reader's language is missing", () => {
    expect(readableText({ en: "Down." }, "it")).toEqual({ text: "Down.", language: "en" });
  });
});

describe("the status report", () => {
  it("lists active incidents apart from resolved ones, each with its timeline in the reader's language", () => {
    const report = statusReport(
      defaultServices,
      [
        incident({
          id: 2,
          updates: [
            {
              stage: "identified",
              message: { en: "A disk failed." },
              createdAt: at("2026-11-21T09:30:00Z"),
            },
            {
              stage: "investigating",
              message: { en: "Down.", de: "Aus." },
              createdAt: at("2026-11-21T09:00:00Z"),
            },
          ],
        }),
        incident({ id: 1, status: "resolved", resolvedAt: at("2026-11-20T12:00:00Z") }),
      ],
      "de",
    );
    expect(report.incidents.map((i) => i.id)).toEqual([2]);
    expect(report.history.map((i) => i.id)).toEqual([1]);
    expect(report.services.find((s) => s.id === "mail")?.status).toBe("outage");
    expect(report.incidents[0]?.updates).toEqual([
      {
        stage: "identified",
        message: "A disk failed.",
        messageLanguage: "en",
        at: "2026-11-21T09:30:00.000Z",
      },
      {
        stage: "investigating",
        message: "Aus.",
        messageLanguage: "de",
        at: "2026-11-21T09:00:00.000Z",
      },
    ]);
  });
});

describe("incident mail", () => {
  const context = {
    kind: "updated" as const,
    locale: "de" as const,
    serviceName: "E-Mail und Kalender",
    impact: "outage" as const,
    stage: "monitoring" as const,
    statusUrl: "https://help.example/de/status/",
    unsubscribeUrl: "https://help.example/u/1",
  };

  it("is written in the subscriber's language, with the update and the unsubscribe link", () => {
    const mail = composeIncidentMail({
      ...context,
      message: { text: "Die Korrektur läuft.", language: "de" },
    });
    expect(mail.subject).toBe("Neue Meldung: E-Mail und Kalender – Wird beobachtet");
    expect(mail.text).toContain("Stand: Wird beobachtet\nDie Korrektur läuft.");
    expect(mail.text).toContain("Mit einem Klick abbestellen:\nhttps://help.example/u/1");
  });

  it("says in the subscriber's language when the update is only in English", () => {
    const mail = composeIncidentMail({
      ...context,
      message: { text: "A fix is rolling out.", language: "en" },
    });
    expect(mail.text).toContain("Diese Meldung gibt es nur auf Englisch.\nA fix is rolling out.");
  });

  it("asks to confirm a subscription before anything else is sent", () => {
    const mail = composeSubscriptionConfirmation({
      locale: "it",
      serviceName: "Posta e calendario",
      confirmUrl: "https://help.example/c/1",
    });
    expect(mail.subject).toBe("Conferma: avvisi via email per Posta e calendario");
    expect(mail.text).toContain("https://help.example/c/1");
  });
});
