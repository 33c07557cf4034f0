import { type Locale, type SupportRequestInput, searchTerms } from "@frontline/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendEvent, countQueueByStatus, createRequest, listQueue } from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const now = new Date("2026-12-02T09:00:00Z");
const base: SupportRequestInput = {
  locale: "en",
  category: "connectivity",
  service: "mail",
  severity: "B",
  subject: "",
  description: "",
  organisation: "contoso.example",
  name: "Li Wei",
  email: "li.wei@contoso.example",
  suggestedArticles: [],
  openedArticles: [],
};

async function file(locale: Locale, subject: string, description: string) {
  const row = await createRequest(database.db, {
    input: { ...base, locale, subject, description },
    trackingTokenHash: "h".repeat(64),
    now,
  });
  return row.number;
}

/** The numbers the queue lists for a search, in filing order. */
async function found(query: string) {
  const page = await listQueue(
    database.db,
    { search: searchTerms(query) },
    { sort: "created", order: "asc", limit: 50, now },
  );
  return page.items.map((item) => item.number);
}

/** Requests in four languages, with a message added later to one of them. */
async function helpDesk() {
  const vpn = await file("en", "VPN drops every few minutes", "The VPN client disconnects.");
  const kennwort = await file(
    "de",
    "Outlook fragt ständig nach dem Kennwort",
    "Die Kennwörter wurden gestern zurückgesetzt.",
  );
  const fattura = await file("it", "Fattura sbagliata", "La fatturazione di novembre è doppia.");
  const chinese = await file("zh-cn", "邮箱无法登录", "服务运行状况 页面 显示 正常");
  await appendEvent(database.db, {
    requestId: 1,
    type: "customer-message",
    actor: "customer",
    at: now,
    body: "It also happens for Müller GmbH.",
  });
  return { vpn, kennwort, fattura, chinese };
}

describe("searching the queue, on either engine", () => {
  it("finds a word in the subject, the description or a later message", async () => {
    const { vpn, fattura } = await helpDesk();
    expect(await found("disconnects")).toEqual([vpn]);
    expect(await found("novembre")).toEqual([fattura]);
    expect(await found("GmbH")).toEqual([vpn]);
  });

  it("matches the beginning of a word, any case, with or without accents", async () => {
    const { vpn, kennwort } = await helpDesk();
    expect(await found("DISCONN")).toEqual([vpn]);
    expect(await found("muller")).toEqual([vpn]);
    expect(await found("Müller")).toEqual([vpn]);
    expect(await found("zurückges")).toEqual([kennwort]);
  });

  it("needs every word to match", async () => {
    const { vpn } = await helpDesk();
    expect(await found("vpn minutes")).toEqual([vpn]);
    expect(await found("vpn fattura")).toEqual([]);
  });

  it("finds a run of Chinese characters as a word, and its beginning", async () => {
    const { chinese } = await helpDesk();
    expect(await found("服务运行状况")).toEqual([chinese]);
    expect(await found("服务运行")).toEqual([chinese]);
  });

  it("counts per status only what the search found", async () => {
    await helpDesk();
    expect(await countQueueByStatus(database.db, { search: searchTerms("vpn") }, now)).toEqual({
      new: 1,
    });
  });
});
