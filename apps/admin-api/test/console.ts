import type { StaffRole } from "@frontline/db";
import { expect } from "vitest";
import { signedInBrowser } from "./browser.ts";
import { testApp } from "./test-app.ts";

// Console tests' set-up and checks. Apart from browser.ts, which the queue
// benchmark imports outside vitest, because these need vitest's expect.

/** A new app with a browser signed in to its console as a new user of `role`. */
export async function consoleTest(role: StaffRole, options: { email?: string } = {}) {
  const test = await testApp();
  return { ...test, ...(await signedInBrowser(test.app, test.db, role, options)) };
}

/** A form's answer that sends the browser on: 303 See Other, to `location`. */
export function expectRedirect(response: Response, location: string): void {
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe(location);
}

/** The page's HTML, once its status is `status` and it contains every one of `fragments`. */
export async function expectPage(
  response: Response,
  status: number,
  ...fragments: string[]
): Promise<string> {
  expect(response.status).toBe(status);
  const html = await response.text();
  for (const fragment of fragments) expect(html).toContain(fragment);
  return html;
}
