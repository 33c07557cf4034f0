import { describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { consoleTest } from "../../../test/console.ts";
import { testApp } from "../../../test/test-app.ts";
import { safeNext } from "./forms.ts";
import { ErrorSummary, Field } from "./ui.tsx";

const navOf = (html: string) =>
  [
    ...(/<nav aria-label="Sections">(.*?)<\/nav>/.exec(html)?.[1] ?? "").matchAll(
      />([^<>]+)<\/a>/g,
    ),
  ].map((m) => m[1]);

describe("the console layout", () => {
  it("has a language, a skip link to main, and names the signed-in person and role", async () => {
    const { browser } = await consoleTest("operator");
    const start = await browser.get("/admin");
    // Operators land on their work: the escalation list.
    expect(start.headers.get("location")).toBe("/admin/escalations");
    const html = await (await browser.get("/admin/escalations")).text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('Operator Person <span class="role">(Operator)</span>');
    expect(html).toContain("<title>Escalations · Frontline desk</title>");
  });

  it("shows each role only the sections it may use", async () => {
    const test = await testApp();
    const expected = {
      admin: [
        "Queue",
        "Customers",
        "Escalations",
        "Incidents",
        "Canned replies",
        "Admin portals",
        "Users",
        "Audit log",
        "Retention",
      ],
      agent: ["Queue", "Customers", "Escalations", "Incidents", "Canned replies"],
      operator: ["Escalations", "Incidents"],
    } as const;
    for (const role of ["admin", "agent", "operator"] as const) {
      const { browser } = await signedInBrowser(test.app, test.db, role);
      expect(navOf(await (await browser.get("/admin/tokens")).text()), role).toEqual(
        expected[role],
      );
    }
  });

  it("marks the current section for assistive technology", async () => {
    const { browser } = await consoleTest("admin");
    const html = await (await browser.get("/admin/users")).text();
    expect(html).toContain('<a href="/admin/users" aria-current="page">Users</a>');
  });

  it("shows only the confirmations it knows, whatever the link says", async () => {
    const { browser } = await consoleTest("agent");
    const known = await (await browser.get("/admin/tokens?notice=token-revoked")).text();
    expect(known).toContain('<div class="notice" role="status">The token is revoked.');
    for (const notice of ["%3Cscript%3E", "constructor", "toString"]) {
      const html = await (await browser.get(`/admin/tokens?notice=${notice}`)).text();
      expect(html).not.toContain('class="notice"');
    }
  });

  it("is never cached nor framed", async () => {
    const { browser } = await consoleTest("agent");
    const response = await browser.get("/admin");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
  });
});

describe("console errors", () => {
  it("show a missing page as a page in the layout, not as JSON", async () => {
    const { browser } = await consoleTest("agent");
    const response = await browser.get("/admin/no-such-page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("<h1>Page not found</h1>");
    expect(html).toContain('aria-label="Sections"');
  });

  it("send anonymous visitors of any console address to sign in first", async () => {
    const { app } = await testApp();
    const response = await new TestBrowser(app).get("/admin/no-such-page");
    expect(response.headers.get("location")).toBe("/admin/sign-in?next=%2Fadmin%2Fno-such-page");
  });
});

describe("the stylesheet", () => {
  it("is served to anyone, with light and dark schemes and a visible focus", async () => {
    const { app } = await testApp();
    const response = await app.request("/admin/console.css");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const css = await response.text();
    expect(css).toContain("prefers-color-scheme: dark");
    expect(css).toContain(":focus-visible");
    expect(css).toContain("max-width: 40rem");
  });
});

describe("form helpers", () => {
  it("tie a field's hint and error to it and keep the value", () => {
    const html = String(
      Field({ label: "Email", name: "email", value: "a@b", hint: "Work email", error: "Taken" }),
    );
    expect(html).toContain('<label for="field-email">Email</label>');
    expect(html).toContain('aria-describedby="field-email-hint field-email-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="a@b"');
  });

  it("never put a value into a password field", () => {
    const html = String(
      Field({ label: "Password", name: "password", type: "password", value: "x" }),
    );
    expect(html).not.toContain("value=");
  });

  it("link each summarised error to its field, and show form-wide ones as text", () => {
    const html = String(
      ErrorSummary({
        errors: { name: "Enter a name.", _form: "Try again." },
        labels: { name: "Name" },
      }),
    );
    expect(html).toContain('<a href="#field-name">Name: Enter a name.</a>');
    expect(html).toContain("<li>Try again.</li>");
    expect(String(ErrorSummary({ errors: {} }) ?? "")).toBe("");
  });

  it.each([
    ["/admin/users?x=1", "/admin/users?x=1"],
    ["/admin", "/admin"],
    ["//evil.example", "/admin"],
    ["/admin/../en/", "/admin"],
    ["https://evil.example/admin", "/admin"],
    ["/admin\t/x", "/admin"],
    [undefined, "/admin"],
  ])("accept %s as a place to return to only inside the desk (→ %s)", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
