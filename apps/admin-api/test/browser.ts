import { createStaffUser, type Db, type StaffRole, type StaffUserRow } from "@frontline/db";
import { hashPassword } from "../src/platform/passwords.ts";

/**
 * Test helpers for the console: a browser that keeps cookies between
 * `app.request` calls, and a signed-in staff member of any role. Other
 * features' console tests use them too.
 */

interface AppLike {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

export interface StoredCookie {
  readonly value: string;
  readonly attributes: string;
}

/** Carries cookies by hand, as a browser would (path scoping and expiry are what matter here). */
export class TestBrowser {
  readonly cookies = new Map<string, StoredCookie & { path: string }>();
  /** Sent with every request, e.g. X-Forwarded-For to play another client address. */
  headers: Record<string, string> = {};
  /** The session's CSRF token once signed in (signedInBrowser), which `submit` sends. */
  csrf = "";

  constructor(
    readonly app: AppLike,
    readonly origin = "http://desk.test",
  ) {}

  cookieHeader(path: string): string {
    return [...this.cookies]
      .filter(([, c]) => c.path === "/" || path === c.path || path.startsWith(`${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    const cookie = this.cookieHeader(new URL(path, this.origin).pathname);
    if (cookie) headers.set("Cookie", cookie);
    const response = await this.app.request(new URL(path, this.origin).href, { ...init, headers });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  private store(line: string) {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? "/";
    const expired = attributes.some((a) => /^max-age=0$/i.test(a)) || value === "";
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, { value, attributes: attributes.join("; "), path });
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** Posts a form the way a browser does (urlencoded); a list is a field sent once per value. */
  post(path: string, form: FormFields, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) {
      for (const one of typeof value === "string" ? [value] : value) body.append(name, one);
    }
    return this.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: body.toString(),
    });
  }

  /** Posts a form with files the way a browser does (multipart/form-data), with the CSRF token. */
  submitWithFiles(path: string, form: Record<string, string>, files: Record<string, File[]>) {
    const body = new FormData();
    for (const [name, value] of Object.entries({ _csrf: this.csrf, ...form })) {
      body.append(name, value);
    }
    for (const [name, list] of Object.entries(files)) {
      for (const file of list) body.append(name, file);
    }
    return this.request(path, { method: "POST", body });
  }

  /** Posts a console form as the signed-in person does: with the session's CSRF token. */
  submit(path: string, form: FormFields = {}) {
    return this.post(path, { _csrf: this.csrf, ...form });
  }
}

/** A form's fields as a browser sends them: ticked checkboxes of one name as a list. */
type FormFields = Record<string, string | readonly string[]>;

/** The value of the first hidden CSRF field on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]*)"/.exec(html);
  if (!match?.[1]) throw new Error("The page has no CSRF field.");
  return match[1];
}

export const TEST_PASSWORD = "correct horse battery staple";

/** A staff user with a real (scrypt) password, so they can sign in through the form. */
export async function staffWithPassword(
  db: Db,
  role: StaffRole,
  options: { email?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<StaffUserRow> {
  return createStaffUser(
    db,
    {
      email: options.email ?? `${role}.person@partner.example`,
      name: `${role[0]?.toUpperCase()}${role.slice(1)} Person`,
      role,
      passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
      mustChangePassword: options.mustChangePassword ?? false,
    },
    new Date("2026-11-21T08:00:00Z"),
  );
}

/** Opens the sign-in page and submits it, as a person would. */
export async function submitSignIn(
  browser: TestBrowser,
  email: string,
  password: string,
  next?: string,
): Promise<Response> {
  const page = await browser.get(
    `/admin/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`,
  );
  return browser.post("/admin/sign-in", {
    _csrf: csrfFrom(await page.text()),
    email,
    password,
    next: next ?? "",
  });
}

/**
 * A browser signed in to the console as a new user of `role`; `csrf` is
 * the session's token for forms (`_csrf`) and API calls (X-CSRF-Token).
 */
export async function signedInBrowser(
  app: AppLike,
  db: Db,
  role: StaffRole,
  options: { email?: string } = {},
): Promise<{ browser: TestBrowser; user: StaffUserRow; csrf: string }> {
  const user = await staffWithPassword(db, role, options);
  const browser = new TestBrowser(app);
  const response = await submitSignIn(browser, user.email, TEST_PASSWORD);
  if (response.status !== 303) throw new Error(`Sign-in failed with ${response.status}.`);
  // Any page carries the token; the password page is open to every role (/admin sends agents on).
  const csrf = csrfFrom(await (await browser.get("/admin/password")).text());
  browser.csrf = csrf;
  return { browser, user, csrf };
}
