import { getRequestByNumber } from "@frontline/db";
import { signedInBrowser } from "./browser.ts";
import { deskTest } from "./desk.ts";

/**
 * The desk's pages to test against: the desk test (fixed clock, real
 * SQLite, staff with tokens) plus an agent signed in to the console.
 */
export async function deskPagesTest(overrides: Parameters<typeof deskTest>[0] = {}) {
  const test = await deskTest(overrides);
  const agent = await signedInBrowser(test.app, test.db, "agent", {
    email: "console.agent@partner.example",
  });

  /** The version the page would have been rendered with. */
  const versionOf = async (number: string) =>
    String((await getRequestByNumber(test.db, number))?.version ?? 0);

  /** Submits one action form as the agent, with the current version unless given. */
  async function act(number: string, action: string, form: Record<string, string> = {}) {
    return agent.browser.submit(`/admin/requests/${number}/${action}`, {
      version: await versionOf(number),
      ...form,
    });
  }

  return { ...test, console: agent, versionOf, actOnPage: act };
}

/** The HTML of one form on a page, by its id. */
export const formOf = (html: string, id: string) =>
  new RegExp(`<form[^>]*id="${id}"[\\s\\S]*?</form>`).exec(html)?.[0] ?? "";
