import { schema } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../test/staff.ts";
import { readJson, testApp } from "../../test/test-app.ts";
import { sha256 } from "../platform/auth.ts";
import { signedInBrowser } from "./auth.testing.ts";

type Test = ReturnType<typeof testApp>;

async function createVia(test: Test, headers: Record<string, string>, name: string) {
  return test.app.request("/api/v1/tokens", {
    method: "POST",
    headers,
    body: JSON.stringify({ name }),
  });
}

describe("personal API tokens through the API", () => {
  it("are shown once at creation, stored only as a hash, and work as Bearer tokens", async () => {
    const test = testApp();
    const { headers, user } = await staffWithToken(test.db, "agent");
    const response = await createVia(test, headers, "nightly report");
    expect(response.status).toBe(201);
    const created = await readJson(response);
    expect(created).toMatchObject({ name: "nightly report", userId: user.id, lastUsedAt: null });
    expect(created.token).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));

    const rows = await test.db.select().from(schema.apiTokens);
    const row = rows.find((r) => r.id === created.id);
    expect(row?.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const listed = await readJson(await test.app.request("/api/v1/tokens", { headers }));
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed.items.map((t: { name: string }) => t.name)).toEqual(["nightly report", "tests"]);

    const me = await test.app.request("/api/v1/me", {
      headers: { Authorization: `Bearer ${created.token}` },
    });
    expect(await readJson(me)).toMatchObject({ email: user.email, via: "token" });
  });

  it("answer 401 from the moment they are revoked", async () => {
    const test = testApp();
    const { headers } = await staffWithToken(test.db, "operator");
    const created = await readJson(await createVia(test, headers, "temporary"));
    const bearer = { Authorization: `Bearer ${created.token}` };
    expect((await test.app.request("/api/v1/me", { headers: bearer })).status).toBe(200);
    const revoked = await test.app.request(`/api/v1/tokens/${created.id}`, {
      method: "DELETE",
      headers,
    });
    expect(revoked.status).toBe(204);
    const refused = await test.app.request("/api/v1/me", { headers: bearer });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const again = await test.app.request(`/api/v1/tokens/${created.id}`, {
      method: "DELETE",
      headers,
    });
    expect(again.status).toBe(404);
  });

  it("can be revoked by their owner or an admin, and look missing to anyone else", async () => {
    const test = testApp();
    const owner = await staffWithToken(test.db, "agent", "owner@partner.example");
    const other = await staffWithToken(test.db, "agent", "other@partner.example");
    const admin = await staffWithToken(test.db, "admin", "boss@partner.example");
    const first = await readJson(await createVia(test, owner.headers, "one"));
    const second = await readJson(await createVia(test, owner.headers, "two"));
    const revoke = (id: number, headers: Record<string, string>) =>
      test.app.request(`/api/v1/tokens/${id}`, { method: "DELETE", headers });
    expect((await revoke(first.id, other.headers)).status).toBe(404);
    expect((await revoke(first.id, admin.headers)).status).toBe(204);
    expect((await revoke(second.id, owner.headers)).status).toBe(204);
  });

  it("are listed for everyone only to admins", async () => {
    const test = testApp();
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
    const test = testApp();
    const { headers } = await staffWithToken(test.db, "agent");
    const response = await createVia(test, headers, "  ");
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0].field).toBe("name");
  });
});

describe("the API tokens page of the console", () => {
  it("shows a new token once in a copyable box, then only its prefix", async () => {
    const test = testApp();
    const { browser, csrf } = await signedInBrowser(test.app, test.db, "operator");
    const response = await browser.post("/admin/tokens", { _csrf: csrf, name: "status board" });
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
    const test = testApp();
    const { browser, csrf } = await signedInBrowser(test.app, test.db, "agent");
    const response = await browser.post("/admin/tokens", { _csrf: csrf, name: "" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="field-name-error"');
    expect(html).toContain("Name the token");
  });

  it("revokes a token with its button", async () => {
    const test = testApp();
    const { browser, csrf } = await signedInBrowser(test.app, test.db, "agent");
    const html = await (await browser.post("/admin/tokens", { _csrf: csrf, name: "ci" })).text();
    const token = /value="(flt_[^"]+)"/.exec(html)?.[1];
    const [row] = await test.db.select().from(schema.apiTokens);
    const response = await browser.post(`/admin/tokens/${row?.id}/revoke`, { _csrf: csrf });
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
    const test = testApp();
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
