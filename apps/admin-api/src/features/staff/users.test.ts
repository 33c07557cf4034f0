import { createApiToken, findStaffByEmail, getStaffUser, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser, submitSignIn, TestBrowser } from "../../../test/browser.ts";
import { consoleTest, expectPage, expectRedirect } from "../../../test/console.ts";
import { staffWithToken } from "../../../test/staff.ts";
import { readJson, type TestApp, testApp } from "../../../test/test-app.ts";
import { newApiToken } from "../../platform/auth.ts";

type Test = TestApp;

const api = (test: Test, headers: Record<string, string>) => ({
  get: (path: string) => test.app.request(path, { headers }),
  send: (method: string, path: string, body?: unknown) =>
    test.app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
});

async function adminApi(test: Test) {
  const admin = await staffWithToken(test.db, "admin", "boss@partner.example");
  return { ...api(test, admin.headers), admin };
}

describe("admins managing users through the API", () => {
  it("create a user with a generated one-time password, shown once", async () => {
    const test = await testApp();
    const { send, get } = await adminApi(test);
    const response = await send("POST", "/api/v1/users", {
      email: " Ann.Lee@Partner.Example ",
      name: "Ann Lee",
      role: "agent",
    });
    expect(response.status).toBe(201);
    const body = await readJson(response);
    expect(body.user).toMatchObject({
      email: "ann.lee@partner.example",
      role: "agent",
      mustChangePassword: true,
    });
    expect(body.user).not.toHaveProperty("passwordHash");
    expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(response.headers.get("location")).toBe(`/api/v1/users/${body.user.id}`);
    const listed = await readJson(await get("/api/v1/users"));
    expect(JSON.stringify(listed)).not.toContain(body.oneTimePassword);
    expect(listed.items.map((u: { email: string }) => u.email)).toContain(
      "ann.lee@partner.example",
    );

    const browser = new TestBrowser(test.app);
    const signIn = await submitSignIn(browser, "ann.lee@partner.example", body.oneTimePassword);
    expect(signIn.headers.get("location")).toBe("/admin/password");
  });

  it("refuse a taken email and name every invalid field", async () => {
    const test = await testApp();
    const { send } = await adminApi(test);
    const taken = await send("POST", "/api/v1/users", {
      email: "BOSS@partner.example",
      name: "X",
      role: "agent",
    });
    expect(taken.status).toBe(409);
    expect((await readJson(taken)).errors).toEqual([
      { field: "email", message: "A user with this email already exists.", code: "taken" },
    ]);
    const invalid = await send("POST", "/api/v1/users", {
      email: "nope",
      name: "",
      role: "root",
      password: "short",
    });
    expect(invalid.status).toBe(422);
    expect((await readJson(invalid)).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
  });

  it("re-role and rename a user", async () => {
    const test = await testApp();
    const { send } = await adminApi(test);
    const { user } = await staffWithToken(test.db, "agent");
    const response = await send("PATCH", `/api/v1/users/${user.id}`, {
      role: "operator",
      name: "Li Wei",
    });
    expect(response.status).toBe(200);
    expect(await readJson(response)).toMatchObject({ role: "operator", name: "Li Wei" });
    const missing = await send("PATCH", "/api/v1/users/999", { role: "agent" });
    expect(missing.status).toBe(404);
    const empty = await send("PATCH", `/api/v1/users/${user.id}`, {});
    expect(empty.status).toBe(422);
  });

  it("disable a user: their sessions end and their API tokens answer 401 at once", async () => {
    const test = await testApp();
    const { send } = await adminApi(test);
    const { browser, user } = await signedInBrowser(test.app, test.db, "agent");
    const bearer = await bearerFor(test, user.id);
    expect((await test.app.request("/api/v1/me", { headers: bearer })).status).toBe(200);

    const response = await send("PATCH", `/api/v1/users/${user.id}`, { disabled: true });
    expect(response.status).toBe(200);
    expect((await browser.get("/admin/tokens")).status).toBe(302);
    expect(await test.db.$count(tablesOf(test.db).sessions)).toBe(0);
    const refused = await test.app.request("/api/v1/me", { headers: bearer });
    expect(refused.status).toBe(401);

    await send("PATCH", `/api/v1/users/${user.id}`, { disabled: false });
    expect((await test.app.request("/api/v1/me", { headers: bearer })).status).toBe(200);
  });

  it("cannot disable or demote the last enabled admin", async () => {
    const test = await testApp();
    const { send, admin } = await adminApi(test);
    for (const change of [{ disabled: true }, { role: "agent" }]) {
      const response = await send("PATCH", `/api/v1/users/${admin.user.id}`, change);
      expect(response.status).toBe(409);
      expect(await readJson(response)).toMatchObject({
        title: "The desk needs an admin",
        detail: "This is the last enabled admin. Make someone else an admin first.",
      });
    }
    // A disabled admin does not count: it cannot manage anyone.
    const other = await staffWithToken(test.db, "admin", "second@partner.example");
    await send("PATCH", `/api/v1/users/${other.user.id}`, { disabled: true });
    expect((await send("PATCH", `/api/v1/users/${admin.user.id}`, { role: "agent" })).status).toBe(
      409,
    );
    await send("PATCH", `/api/v1/users/${other.user.id}`, { disabled: false });
    expect((await send("PATCH", `/api/v1/users/${admin.user.id}`, { role: "agent" })).status).toBe(
      200,
    );
  });

  it("reset a password: a new one-time password, and the old sessions end", async () => {
    const test = await testApp();
    const { send } = await adminApi(test);
    const { browser, user } = await signedInBrowser(test.app, test.db, "agent");
    const response = await send("POST", `/api/v1/users/${user.id}/password-reset`);
    expect(response.status).toBe(200);
    const { oneTimePassword } = await readJson(response);
    expect((await browser.get("/admin/tokens")).status).toBe(302);
    expect((await getStaffUser(test.db, user.id))?.mustChangePassword).toBe(true);
    const signIn = await submitSignIn(new TestBrowser(test.app), user.email, oneTimePassword);
    expect(signIn.headers.get("location")).toBe("/admin/password");
  });
});

/** Headers with a fresh API token of an existing user. */
async function bearerFor(test: Test, userId: number) {
  const token = newApiToken();
  await createApiToken(
    test.db,
    {
      userId,
      name: "t",
      tokenHash: token.hash,
      prefix: token.prefix,
      scope: "full",
      expiresAt: null,
    },
    test.clock.now(),
  );
  return { Authorization: `Bearer ${token.token}` };
}

describe("the users page of the console", () => {
  it("lists users and creates one, showing a generated password once", async () => {
    const { browser, db } = await consoleTest("admin");
    const page = await (await browser.get("/admin/users")).text();
    expect(page).toContain("admin.person@partner.example");
    const created = await browser.submit("/admin/users", {
      email: "op@operator.example",
      name: "Zhang Min",
      role: "operator",
      password: "",
    });
    const html = await expectPage(created, 201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const password = /id="secret-password" type="text" readonly="" value="([A-Za-z0-9]{20})"/.exec(
      html,
    )?.[1];
    expect(password).toBeDefined();
    expect(await (await browser.get("/admin/users")).text()).not.toContain(password);
    expect((await findStaffByEmail(db, "op@operator.example"))?.role).toBe("operator");
  });

  it("redirects after creating a user with a chosen password", async () => {
    const { browser } = await consoleTest("admin");
    const created = await browser.submit("/admin/users", {
      email: "new@partner.example",
      name: "New Person",
      role: "agent",
      password: "a chosen first password",
    });
    expectRedirect(created, "/admin/users?notice=user-created");
  });

  it("re-renders the form with each error next to its field and the input kept", async () => {
    const { browser } = await consoleTest("admin");
    const taken = await browser.submit("/admin/users", {
      email: "admin.person@partner.example",
      name: "Kept Name",
      role: "operator",
      password: "",
    });
    await expectPage(
      taken,
      409,
      'id="field-email-error"',
      "A user with this email already exists.",
      'value="Kept Name"',
      '<option value="operator" selected="">',
    );
    await expectPage(
      await browser.submit("/admin/users", { email: "x", name: "", role: "agent" }),
      422,
      "Enter an email address like name@example.com.",
      "Enter a name.",
      'value="x"',
    );
  });

  it("changes roles, disables and enables with one button each, and protects the last admin", async () => {
    const { browser, db, user: me } = await consoleTest("admin");
    const { user } = await staffWithToken(db, "agent");
    const role = await browser.submit(`/admin/users/${user.id}/role`, { role: "operator" });
    expect(role.headers.get("location")).toBe("/admin/users?notice=role-changed");
    expect((await getStaffUser(db, user.id))?.role).toBe("operator");
    await browser.submit(`/admin/users/${user.id}/disable`);
    expect((await getStaffUser(db, user.id))?.disabled).toBe(true);
    await browser.submit(`/admin/users/${user.id}/enable`);
    expect((await getStaffUser(db, user.id))?.disabled).toBe(false);

    await expectPage(
      await browser.submit(`/admin/users/${me.id}/role`, { role: "agent" }),
      409,
      `id="row-${me.id}-error"`,
      "This is the last enabled admin.",
      `href="#role-${me.id}"`,
    );
  });

  it("resets a password and shows the new one once", async () => {
    const { browser, db } = await consoleTest("admin");
    const { user } = await staffWithToken(db, "agent");
    const response = await browser.submit(`/admin/users/${user.id}/reset-password`);
    await expectPage(response, 200, `One-time password for ${user.email}`);
  });
});
