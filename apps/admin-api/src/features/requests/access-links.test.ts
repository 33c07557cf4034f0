import { listOutbox } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../../test/staff.ts";
import {
  callJson,
  postJson,
  readJson,
  type TestApp,
  testApp,
  validRequest,
} from "../../../test/test-app.ts";

/** A filed request the partner answered, and the link in that answer's email. */
async function answered(test: TestApp) {
  const agent = await staffWithToken(test.db, "agent");
  const filed = await readJson(await postJson(test.app, "/api/v1/requests", validRequest));
  await callJson(test.app, "POST", `/api/v1/desk/requests/${filed.number}/replies`, agent.headers, {
    version: 1,
    body: "Please sign in again and tell us what you see.",
  });
  const reply = (await listOutbox(test.db)).find((m) => m.kind === "reply");
  const link = /https:\/\/help\.example\/en\/track\/#(SR-[\d-]+):(\S+)/.exec(reply?.body ?? "");
  return { number: filed.number as string, token: filed.trackingToken as string, link };
}

const track = (test: TestApp, number: string, credential: string) =>
  test.app.request(`/api/v1/requests/${number}`, { headers: { "X-Tracking-Token": credential } });

describe("the link in a later email", () => {
  it("opens the tracking page for that request without the first email's token", async () => {
    const test = await testApp();
    const { number, token, link } = await answered(test);
    expect(link?.[1]).toBe(number);
    const credential = link?.[2] ?? "";
    expect(credential).toMatch(/^a1\./);
    expect(credential).not.toContain(token);
    const response = await track(test, number, credential);
    expect(response.status).toBe(200);
    expect((await readJson(response)).number).toBe(number);
    // The customer can answer from it, as from the first email.
    const replied = await test.app.request(`/api/v1/requests/${number}/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Tracking-Token": credential },
      body: JSON.stringify({ body: "I see the same error." }),
    });
    expect(replied.status).toBe(201);
  });

  it("answers the same 404 as an unknown request once expired, tampered with, or used on another request", async () => {
    const test = await testApp();
    const { number, link } = await answered(test);
    const other = await readJson(await postJson(test.app, "/api/v1/requests", validRequest));
    const credential = link?.[2] ?? "";
    const said = async (response: Response) => {
      const { type, title, status, detail } = await readJson(response);
      return { type, title, status, detail };
    };
    const unknown = await said(await track(test, "SR-2026-999999", credential));
    const refusals = [
      await track(test, other.number, credential),
      await track(test, number, `${credential.slice(0, -2)}xx`),
    ];
    test.clock.set("2026-12-22T09:31:00Z");
    refusals.push(await track(test, number, credential));
    for (const refused of refusals) {
      expect(refused.status).toBe(404);
      expect(await said(refused)).toEqual(unknown);
    }
  });
});
