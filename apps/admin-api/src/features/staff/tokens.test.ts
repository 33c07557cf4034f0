import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser, TEST_PASSWORD } from "../../../test/browser.ts";
import { consoleTest, expectPage } from "../../../test/console.ts";
import { staffWithToken } from "../../../test/staff.ts";
import { readJson, testApp } from "../../../test/test-app.ts";
import { sha256 } from "../../platform/auth.ts";

type Session = Awaited<ReturnType<typeof signedInBrowser>>;

/** Tokens are made from a signed-in console session (the API call the tokens page makes). */
async function createVia(session: Session, name: string, extra: Record<string, unknown> = {}) {
  return session.browser.request("/api/v1/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrf },
    body: JSON.stringify({ name, ...extra }),
  });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("personal API tokens through the API", () => {
  it("are shown once at creation, stored only as a hash, and work as Bearer tokens", async () => {
    const test = await testApp();
    const session = await signedInBrowser(test.app, test.db, "agent");
    const { user } = session;
    const response = await createVia(session, "nightly report");
    expect(response.status).toBe(201);
    const created = await readJson(response);
    expect(created).toMatchObject({ name: "nightly report", userId: user.id, lastUsedAt: null });
    expect(created.token).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));

    const rows = await test.db.select().from(tablesOf(test.db).apiTokens);
    const row = rows.find((r) => r.id === created.id);
    expect(row?.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const headers = bearer(created.token);
    const listed = await readJson(await test.app.request("/api/v1/tokens", { headers }));
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed.items.map((t: { name: string }) => t.name)).toEqual(["nightly report"]);

    const me = await test.app.request("/api/v1/me", {
      headers: { Authorization: `Bearer ${created.token}` },
    });
    expect(await readJson(me)).toMatchObject({ email: user.email, via: "token" });
  });

  it("answer 401 from the moment they are revoked", async () => {
    const test = await testApp();
    const { headers } = await staffWithToken(test.db, "operator");
    const created = await readJson(
      await createVia(
        await signedInBrowser(test.app, test.db, "operator", { email: "op2@partner.example" }),
        "temporary",
      ),
    );
    const admin = await staffWithToken(test.db, "admin");
    expect((await test.app.request("/api/v1/me", { headers: bearer(created.token) })).status).toBe(
      200,
    );
    const revoked = await test.app.request(`/api/v1/tokens/${created.id}`, {
      method: "DELETE",
      headers: admin.headers,
    });
    expect(revoked.status).toBe(204);
    const refused = await test.app.request("/api/v1/me", { headers: bearer(created.token) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const again = await test.app.request(`/api/v1/tokens/${created.id}`, {
      method: "DELETE",
      headers: admin.headers,
    });
    expect(again.status).toBe(404);
    // Someone else's token looks missing, not forbidden.
    const other = await test.app.request(`/api/v1/tokens/${created.id}`, {
      method: "DELETE",
      headers,
    });
    expect(other.status).toBe(404);
  });

  it("can be revoked by their owner or an admin, and look missing to anyone else", async () => {
    const test = await testApp();
    const owner = await signedInBrowser(test.app, test.db, "agent", {
      email: "owner@partner.example",
    });
    const other = await staffWithToken(test.db, "agent", "other@partner.example");
    const admin = await staffWithToken(test.db, "admin", "boss@partner.example");
    const first = await readJson(await createVia(owner, "one"));
    const second = await readJson(await createVia(owner, "two"));
    const revoke = (id: number, headers: Record<string, string>) =>
      test.app.request(`/api/v1/tokens/${id}`, { method: "DELETE", headers });
    expect((await revoke(first.id, other.headers)).status).toBe(404);
    expect((await revoke(first.id, admin.headers)).status).toBe(204);
    expect((await revoke(second.id, bearer(second.token))).status).toBe(204);
  });

  it("are listed for everyone only to admins", async () => {
    const test = await testApp();
    const agent = await staffWithToken(test.db, "agent");
    const admin = await staffWithToken(test.db, "admin");
    const all = await test.app.request("/api/v1/tokens?scope=all", { headers: admin.headers });
    expect(
      (await readJson(all)).items.map((t: { userEmail: string }) => t.userEmail).sort(),
    ).toEqual(["admin@partner.example", "agent@partner.example"]);
    const refused = await test.app.request("/api/v1/tokens?scope=all", { headers: agent.headers });
    expect(refused.status).toBe(403);
  });

  it("need a name", async () => {
    const test = await testApp();
    const response = await createVia(await signedInBrowser(test.app, test.db, "agent"), "  ");
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0].field).toBe("name");
  });
});

describe("token scope and expiry", () => {
  it("let a read-only token read the queue but not change a request", async () => {
    const test = await testApp();
    const session = await signedInBrowser(test.app, test.db, "agent");
    const created = await readJson(await createVia(session, "dashboard", { scope: "read" }));
    expect(created).toMatchObject({ scope: "read", expiresAt: null });
    expect(
      (await test.app.request("/api/v1/queue", { headers: bearer(created.token) })).status,
    ).toBe(200);
    const write = await test.app.request("/api/v1/tokens/1", {
      method: "DELETE",
      headers: bearer(created.token),
    });
    expect(write.status).toBe(403);
    expect((await readJson(write)).type).toContain("token-read-only");
    expect(await test.db.$count(tablesOf(test.db).apiTokens)).toBe(1);
    const [row] = await test.db.select().from(tablesOf(test.db).apiTokens);
    expect(row?.revokedAt).toBeNull();
  });

  it("stop a token on the day it expires, with an answer that says so", async () => {
    const test = await testApp();
    const session = await signedInBrowser(test.app, test.db, "agent");
    const created = await readJson(await createVia(session, "contractor", { expiresInDays: 30 }));
    expect(created.expiresAt).toBe("2026-12-21T09:30:00.000Z");
    test.clock.set("2026-12-21T09:29:59Z");
    expect((await test.app.request("/api/v1/me", { headers: bearer(created.token) })).status).toBe(
      200,
    );
    test.clock.set("2026-12-21T09:30:00Z");
    const expired = await test.app.request("/api/v1/me", { headers: bearer(created.token) });
    expect(expired.status).toBe(401);
    const problem = await readJson(expired);
    expect(problem.type).toContain("token-expired");
    expect(problem.detail).toContain("2026-12-21T09:30:00.000Z");
  });

  it("refuse an expiry that is not a whole number of days from 1 to 366, and store nothing", async () => {
    const test = await testApp();
    const session = await signedInBrowser(test.app, test.db, "agent");
    for (const expiresInDays of [0, 1.5, 400, "soon"]) {
      const response = await createVia(session, "bad", { expiresInDays });
      expect(response.status).toBe(422);
      expect((await readJson(response)).errors[0].field).toBe("expiresInDays");
    }
    expect(await test.db.$count(tablesOf(test.db).apiTokens)).toBe(0);
  });

  it("record when a token was last used, at most once a minute", async () => {
    const test = await testApp();
    const session = await signedInBrowser(test.app, test.db, "agent");
    const created = await readJson(await createVia(session, "poller"));
    const lastUsed = async () =>
      (await test.db.select().from(tablesOf(test.db).apiTokens))[0]?.lastUsedAt;
    await test.app.request("/api/v1/me", { headers: bearer(created.token) });
    expect((await lastUsed())?.toISOString()).toBe("2026-11-21T09:30:00.000Z");
    test.clock.set("2026-11-21T09:30:30Z");
    await test.app.request("/api/v1/me", { headers: bearer(created.token) });
    expect((await lastUsed())?.toISOString()).toBe("2026-11-21T09:30:00.000Z");
    test.clock.set("2026-11-21T09:31:05Z");
    await test.app.request("/api/v1/me", { headers: bearer(created.token) });
    expect((await lastUsed())?.toISOString()).toBe("2026-11-21T09:31:05.000Z");
  });
});

describe("the API tokens page of the console", () => {
  it("creates a read-only token that expires, and lists its scope and expiry", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const response = await browser.submit("/admin/tokens", {
      name: "wallboard",
      scope: "read",
      expiresInDays: "90",
    });
    expect(response.status).toBe(201);
    const [row] = await test.db.select().from(tablesOf(test.db).apiTokens);
    expect(row).toMatchObject({ scope: "read" });
    expect(row?.expiresAt?.toISOString()).toBe("2027-02-19T09:30:00.000Z");
    const listed = await (await browser.get("/admin/tokens")).text();
    expect(listed).toContain("read only");
    expect(listed).toContain('datetime="2027-02-19T09:30:00.000Z"');
  });

  it("creates a token that never expires when asked to", async () => {
    const { browser, ...test } = await consoleTest("agent");
    await browser.submit("/admin/tokens", { name: "ops", expiresInDays: "" });
    const [row] = await test.db.select().from(tablesOf(test.db).apiTokens);
    expect(row).toMatchObject({ scope: "full", expiresAt: null });
  });

  it("shows a new token once in a copyable box, then only its prefix", async () => {
    const { browser } = await consoleTest("operator");
    const response = await browser.submit("/admin/tokens", { name: "status board" });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const token = /id="secret-token" type="text" readonly="" value="(flt_[^"]+)"/.exec(html)?.[1];
    expect(token).toBeDefined();
    expect(html).toContain("cannot be shown again");
    const later = await (await browser.get("/admin/tokens")).text();
    expect(later).not.toContain(token);
    expect(later).toContain(`${token?.slice(0, 10)}…`);
    expect(later).toContain("status board");
  });

  it("keeps the input and names the field when the name is missing", async () => {
    const { browser } = await consoleTest("agent");
    const response = await browser.submit("/admin/tokens", { name: "" });
    await expectPage(response, 422, 'id="field-name-error"', "Name the token");
  });

  it("revokes a token with its button", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const html = await (await browser.submit("/admin/tokens", { name: "ci" })).text();
    const token = /value="(flt_[^"]+)"/.exec(html)?.[1];
    const [row] = await test.db.select().from(tablesOf(test.db).apiTokens);
    const response = await browser.submit(`/admin/tokens/${row?.id}/revoke`);
    expect(response.headers.get("location")).toBe("/admin/tokens?notice=token-revoked");
    const refused = await test.app.request("/api/v1/me", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    expect(await (await browser.get("/admin/tokens?notice=token-revoked")).text()).toContain(
      "The token is revoked.",
    );
  });

  it("shows admins everyone's tokens, and other people only their own", async () => {
    const test = await testApp();
    await staffWithToken(test.db, "operator", "op@operator.example");
    const admin = await signedInBrowser(test.app, test.db, "admin");
    expect(await (await admin.browser.get("/admin/tokens")).text()).toContain(
      "op@operator.example",
    );
    const agent = await signedInBrowser(test.app, test.db, "agent");
    expect(await (await agent.browser.get("/admin/tokens")).text()).not.toContain(
      "op@operator.example",
    );
  });
});

describe("tokens follow their owner", () => {
  it("stop working when an admin resets the owner's password, and the answer says how many", async () => {
    const test = await testApp();
    const owner = await signedInBrowser(test.app, test.db, "agent");
    const token = (await readJson(await createVia(owner, "laptop script"))).token;
    expect((await test.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(200);
    const admin = await staffWithToken(test.db, "admin");
    const reset = await test.app.request(`/api/v1/users/${owner.user.id}/password-reset`, {
      method: "POST",
      headers: admin.headers,
    });
    expect(reset.status).toBe(200);
    expect((await readJson(reset)).revokedTokens).toBe(1);
    expect((await test.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(401);
    // The admin's own token is untouched.
    expect((await test.app.request("/api/v1/me", { headers: admin.headers })).status).toBe(200);
  });

  it("stop working when the owner changes their own password in the console", async () => {
    const test = await testApp();
    const owner = await signedInBrowser(test.app, test.db, "agent");
    const token = (await readJson(await createVia(owner, "cron"))).token;
    const changed = await owner.browser.post("/admin/password", {
      _csrf: owner.csrf,
      current: TEST_PASSWORD,
      password: "a brand new passphrase for the desk",
      confirm: "a brand new passphrase for the desk",
      next: "",
    });
    expect(changed.status).toBe(303);
    const notice = await owner.browser.get(changed.headers.get("location") ?? "");
    const landed =
      notice.status === 302
        ? await owner.browser.get(notice.headers.get("location") ?? "")
        : notice;
    const page = await landed.text();
    expect(page).toContain("your API tokens are revoked");
    expect((await test.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(401);
  });

  it("are refused while their owner has a one-time password to change", async () => {
    const test = await testApp();
    // A token made before an admin handed out a one-time password by other means.
    const { headers } = await staffWithToken(test.db, "agent", "new@partner.example", {
      mustChangePassword: true,
    });
    const refused = await test.app.request("/api/v1/queue", { headers });
    expect(refused.status).toBe(403);
    expect((await readJson(refused)).type).toContain("password-change-required");
  });

  it("cannot make new tokens: only a signed-in session can", async () => {
    const test = await testApp();
    const { headers } = await staffWithToken(test.db, "admin");
    const before = await test.db.$count(tablesOf(test.db).apiTokens);
    const minted = await test.app.request("/api/v1/tokens", {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "successor" }),
    });
    expect(minted.status).toBe(403);
    expect((await readJson(minted)).type).toContain("session-required");
    expect(await test.db.$count(tablesOf(test.db).apiTokens)).toBe(before);
  });
});
