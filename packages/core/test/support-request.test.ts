import { describe, expect, it } from "vitest";
import {
  createSupportRequestSchema,
  formatRequestNumber,
  incidentSchema,
  parseRequestNumber,
  supportRequestSchema,
} from "../src/index.ts";

const valid = {
  locale: "de",
  category: "connectivity",
  service: "mail",
  severity: "B",
  subject: "Outlook cannot connect",
  description: "Since this morning Outlook on three desktops keeps asking for the password.",
  organisation: "contoso.partner.cn",
  name: "Li Wei",
  email: "li.wei@contoso.cn",
};

const failingFields = (input: unknown) => {
  const result = supportRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join(".") || i.code);
};

describe("the support request schema", () => {
  it("accepts a complete request and trims the text", () => {
    const parsed = supportRequestSchema.parse({ ...valid, subject: "  Outlook cannot connect  " });
    expect(parsed.subject).toBe("Outlook cannot connect");
  });

  it("keeps the customer's time zone when it is a real one, and refuses a made-up one", () => {
    expect(supportRequestSchema.parse({ ...valid, timeZone: "Asia/Shanghai" }).timeZone).toBe(
      "Asia/Shanghai",
    );
    expect(failingFields({ ...valid, timeZone: "Mars/Olympus_Mons" })).toEqual(["timeZone"]);
    expect(failingFields({ ...valid, timeZone: "<script>" })).toEqual(["timeZone"]);
  });

  it("names every missing field", () => {
    expect(failingFields({}).sort()).toEqual([
      "category",
      "description",
      "email",
      "locale",
      "name",
      "organisation",
      "service",
      "severity",
      "subject",
    ]);
  });

  it("refuses an unknown category, service, severity and locale", () => {
    expect(
      failingFields({
        ...valid,
        category: "gaming",
        service: "fax",
        severity: "D",
        locale: "fr",
      }).sort(),
    ).toEqual(["category", "locale", "service", "severity"]);
  });

  it("refuses over-long text and a malformed email", () => {
    expect(
      failingFields({
        ...valid,
        subject: "x".repeat(151),
        description: "y".repeat(10_001),
        email: "nope",
      }).sort(),
    ).toEqual(["description", "email", "subject"]);
  });

  it("accepts internationalised email addresses and refuses what is no address", () => {
    for (const email of ["jürgen@beispiel.de", "李伟@例子.中国", "zoë+support@exämple.co.uk"]) {
      expect(failingFields({ ...valid, email }), email).toEqual([]);
    }
    for (const email of [
      "jürgen@beispiel",
      "two@@beispiel.de",
      "with space@beispiel.de",
      "<a@b.de>",
    ]) {
      expect(failingFields({ ...valid, email }), email).toEqual(["email"]);
    }
  });

  it("refuses unknown fields instead of dropping them", () => {
    const result = supportRequestSchema.safeParse({ ...valid, priority: "urgent" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      code: "unrecognized_keys",
      keys: ["priority"],
    });
  });

  it("follows the configured service catalogue", () => {
    const schema = createSupportRequestSchema([
      { id: "fax", label: { en: "Fax", de: "Fax", it: "Fax", "zh-cn": "传真" } },
    ]);
    expect(schema.safeParse({ ...valid, service: "fax" }).success).toBe(true);
    expect(schema.safeParse(valid).success).toBe(false);
  });
});

describe("request numbers", () => {
  it("read like SR-2026-000123", () => {
    expect(formatRequestNumber(2026, 123)).toBe("SR-2026-000123");
  });

  it("keep growing past a million requests a year", () => {
    expect(formatRequestNumber(2026, 1_234_567)).toBe("SR-2026-1234567");
    expect(parseRequestNumber("SR-2026-1234567")).toEqual({ year: 2026, sequence: 1_234_567 });
  });

  it("parse back, forgiving lower case, and refuse anything else", () => {
    expect(parseRequestNumber("sr-2026-000123")).toEqual({ year: 2026, sequence: 123 });
    expect(parseRequestNumber("SR-26-1")).toBeNull();
    expect(parseRequestNumber("1; drop table")).toBeNull();
  });
});

describe("an incident", () => {
  const incident = {
    service: "mail",
    impact: "degraded",
    status: "investigating",
    startedAt: "2026-11-20T07:45:00Z",
    message: {
      en: "Some users see delayed mail delivery.",
      de: "Einige Benutzer erhalten E-Mails verspätet.",
    },
  };

  it("is accepted with an English message and any translations", () => {
    expect(incidentSchema.parse(incident).startedAt).toEqual(new Date("2026-11-20T07:45:00Z"));
  });

  it("needs an English message and an impact worse than operational", () => {
    const result = incidentSchema.safeParse({
      ...incident,
      impact: "operational",
      message: { de: "Nur Deutsch" },
    });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["impact", "message"]);
  });
});

describe("what the form adds to a request", () => {
  it("accepts the suggested and opened articles and a linked incident", () => {
    const parsed = supportRequestSchema.parse({
      ...valid,
      suggestedArticles: ["repeated-password-prompts", "check-service-health"],
      openedArticles: ["repeated-password-prompts"],
      incidentId: 7,
      website: "",
    });
    expect(parsed).toMatchObject({ openedArticles: ["repeated-password-prompts"], incidentId: 7 });
  });

  it("defaults to no suggested or opened articles", () => {
    expect(supportRequestSchema.parse(valid)).toMatchObject({
      suggestedArticles: [],
      openedArticles: [],
    });
  });

  it("refuses a filled-in honeypot field", () => {
    expect(failingFields({ ...valid, website: "http://spam.example" })).toEqual(["website"]);
  });
});
