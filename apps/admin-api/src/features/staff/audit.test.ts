import { recordAudit, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import {
  csrfFrom,
  signedInBrowser,
  staffWithPassword,
  submitSignIn,
  TestBrowser,
} from "../../../test/browser.ts";
import { consoleTest, expectPage } from "../../../test/console.ts";
import { staffWithToken } from "../../../test/staff.ts";
import { readJson, type TestApp, testApp } from "../../../test/test-app.ts";

type Test = TestApp;

interface Entry {
  at: string;
  actor: string;
  action: string;
  target: string | null;
  clientAddress: string | null;
  detail: Record<string, unknown> | null;
}

async function auditVia(test: Test, query = "") {
  const { headers } = await staffWithToken(
    test.db,
    "admin",
    `reader${Math.random()}@partner.example`,
  );
  const response = await test.app.request(`/api/v1/audit${query}`, { headers });
  return { response, body: await readJson(response) };
}

describe("the audit log", () => {
  it("records every sign-in, failure, user, role, password and token change with actor, time and address", async () => {
    const test = await testApp();
    const admin = await signedInBrowser(test.app, test.db, "admin", {
      email: "boss@partner.example",
    });
    admin.browser.headers = { "X-Forwarded-For": "203.0.113.7" };
    const csrf = admin.csrf;
    const agent = await staffWithPassword(test.db, "agent", { email: "ann@partner.example" });

    const stranger = new TestBrowser(test.app);
    stranger.headers = { "X-Forwarded-For": "198.51.100.9" };
    await submitSignIn(stranger, "ann@partner.example", "a wrong guess here");
    await submitSignIn(stranger, "ghost@partner.example", "a wrong guess here");

    await admin.browser.post("/admin/users", {
      _csrf: csrf,
      email: "new@partner.example",
      name: "New",
      role: "agent",
    });
    await admin.browser.post(`/admin/users/${agent.id}/role`, { _csrf: csrf, role: "operator" });
    await admin.browser.post(`/admin/users/${agent.id}/disable`, { _csrf: csrf });
    await admin.browser.post(`/admin/users/${agent.id}/enable`, { _csrf: csrf });
    await admin.browser.post(`/admin/users/${agent.id}/reset-password`, { _csrf: csrf });
    await admin.browser.post("/admin/tokens", { _csrf: csrf, name: "ci" });
    const [token] = await test.db.select().from(tablesOf(test.db).apiTokens);
    await admin.browser.post(`/admin/tokens/${token?.id}/revoke`, { _csrf: csrf });
    const next = "boss has a new passphrase";
    await admin.browser.post("/admin/password", {
      _csrf: csrf,
      current: "correct horse battery staple",
      password: next,
      confirm: next,
    });
    await admin.browser.post("/admin/sign-out", { _csrf: csrf });

    const entries = (await test.db.select().from(tablesOf(test.db).auditLog)).map((row) => ({
      action: row.action,
      actor: row.actorLabel,
      address: row.clientAddress,
      at: row.at.toISOString(),
      target: row.target,
    }));
    const by = (action: string) => entries.filter((e) => e.action === action);
    const fromAdmin = {
      actor: "boss@partner.example",
      address: "203.0.113.7",
      at: "2026-11-21T09:30:00.000Z",
    };
    expect(by("sign-in.failed")).toEqual([
      {
        action: "sign-in.failed",
        actor: "ann@partner.example",
        address: "198.51.100.9",
        at: fromAdmin.at,
        target: "ann@partner.example",
      },
      {
        action: "sign-in.failed",
        actor: "ghost@partner.example",
        address: "198.51.100.9",
        at: fromAdmin.at,
        target: "ghost@partner.example",
      },
    ]);
    for (const [action, target] of [
      ["user.create", "new@partner.example"],
      ["user.role", "ann@partner.example"],
      ["user.disable", "ann@partner.example"],
      ["user.enable", "ann@partner.example"],
      ["password.reset", "ann@partner.example"],
      ["token.create", `token #${token?.id}`],
      ["token.revoke", `token #${token?.id}`],
      ["password.change", "boss@partner.example"],
      ["sign-out", "boss@partner.example"],
    ]) {
      expect(by(action ?? ""), action).toEqual([{ action, target, ...fromAdmin }]);
    }
    expect(by("sign-in")).toHaveLength(1);
    const role = await test.db.select().from(tablesOf(test.db).auditLog);
    expect(role.find((r) => r.action === "user.role")?.detail).toMatchObject({
      from: "agent",
      to: "operator",
    });
    // The log tells the reasons apart; the sign-in page did not.
    expect(role.filter((r) => r.action === "sign-in.failed").map((r) => r.detail?.reason)).toEqual([
      "wrong-password",
      "unknown-email",
    ]);
  });

  it("never records a password or a token", async () => {
    const { browser, ...test } = await consoleTest("admin");
    const html = await (await browser.submit("/admin/tokens", { name: "x" })).text();
    const token = /value="(flt_[^"]+)"/.exec(html)?.[1] ?? "missing";
    await submitSignIn(
      new TestBrowser(test.app),
      "admin.person@partner.example",
      "typed secret 123",
    );
    const log = JSON.stringify(await test.db.select().from(tablesOf(test.db).auditLog));
    expect(log).not.toContain(token);
    expect(log).not.toContain("typed secret 123");
    expect(log).not.toContain("correct horse");
  });
});

async function seedLog(test: Test) {
  const entries = [
    ["2026-11-19T10:00:00Z", "ann@partner.example", "sign-in"],
    ["2026-11-20T10:00:00Z", "bob@partner.example", "sign-in"],
    ["2026-11-20T11:00:00Z", "cli", "user.create"],
    ["2026-11-21T09:00:00Z", "ann@partner.example", "token.create"],
    ["2026-11-21T09:00:00Z", "ann@partner.example", "sign-out"],
  ] as const;
  for (const [at, actor, action] of entries) {
    await recordAudit(test.db, {
      at: new Date(at),
      actorId: null,
      actorLabel: actor,
      action,
      clientAddress: "192.0.2.1",
    });
  }
}

describe("reading the audit log through the API", () => {
  it("lists newest first and filters by action, actor and date range", async () => {
    const test = await testApp();
    await seedLog(test);
    const all = (await auditVia(test)).body.items as Entry[];
    expect(all.map((e) => e.action)).toEqual([
      "sign-out",
      "token.create",
      "user.create",
      "sign-in",
      "sign-in",
    ]);
    const actions = async (query: string) =>
      ((await auditVia(test, query)).body.items as Entry[]).map((e) => `${e.actor} ${e.action}`);
    expect(await actions("?action=sign-in")).toEqual([
      "bob@partner.example sign-in",
      "ann@partner.example sign-in",
    ]);
    expect(await actions("?actor=ANN")).toEqual([
      "ann@partner.example sign-out",
      "ann@partner.example token.create",
      "ann@partner.example sign-in",
    ]);
    expect(await actions("?from=2026-11-20&to=2026-11-20")).toEqual([
      "cli user.create",
      "bob@partner.example sign-in",
    ]);
  });

  it("pages with a cursor, without repeating or skipping entries that share a time", async () => {
    const test = await testApp();
    await seedLog(test);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const { body } = await auditVia(test, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...(body.items as Entry[]).map((e) => e.action));
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(["sign-out", "token.create", "user.create", "sign-in", "sign-in"]);
  });

  it("refuses a made-up cursor or date as a 422 problem naming the field", async () => {
    const test = await testApp();
    for (const [query, field] of [
      ["?cursor=bogus", "cursor"],
      ["?from=yesterday", "from"],
      ["?limit=5000", "limit"],
    ]) {
      const { response, body } = await auditVia(test, query);
      expect(response.status, query).toBe(422);
      expect(body.errors[0].field).toBe(field);
    }
  });
});

describe("the audit page of the console", () => {
  it("filters with a form that keeps its values", async () => {
    const { browser, ...test } = await consoleTest("admin");
    await seedLog(test);
    const response = await browser.get("/admin/audit?action=sign-in&actor=ann&from=&to=");
    const html = await expectPage(
      response,
      200,
      '<option value="sign-in" selected="">',
      'name="actor" type="search" value="ann"',
      "192.0.2.1",
    );
    expect(html).not.toContain("bob@partner.example");
    expect(html).not.toContain("Older entries");
  });

  it("shows 50 entries at a time with a link to the older ones, filters kept", async () => {
    const test = await testApp();
    for (let i = 0; i < 55; i++) {
      await recordAudit(test.db, {
        at: new Date(Date.UTC(2026, 10, 20, 0, i)),
        actorId: null,
        actorLabel: "cli",
        action: "user.create",
        target: `user${i}@partner.example`,
      });
    }
    const { browser } = await signedInBrowser(test.app, test.db, "admin");
    const first = await (await browser.get("/admin/audit?actor=cli")).text();
    expect(first).toContain("user54@partner.example");
    expect(first).not.toContain("user4@partner.example<");
    const older = /<a href="([^"]+)">Older entries<\/a>/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(older).toContain("actor=cli");
    const second = await (await browser.get(older ?? "")).text();
    expect(second).toContain("user4@partner.example<");
    expect(second).not.toContain("user5@partner.example<");
    expect(second).not.toContain("Older entries");
  });

  it("shows a wrong date next to its field", async () => {
    const { browser } = await consoleTest("admin");
    const response = await browser.get("/admin/audit?from=31.12.2026");
    const html = await expectPage(
      response,
      422,
      'id="field-from-error"',
      "Enter a date like 2026-11-21.",
    );
    expect(csrfFrom(html)).toBeTruthy();
  });
});
