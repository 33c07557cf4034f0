import { readdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Status } from "@frontline/core";
import { getRequestByNumber, listAudit } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { sampleFiles, uploadToken } from "../../../test/files.ts";
import { postJson, readJson, validRequest } from "../../../test/test-app.ts";
import { applyRetentionPolicy } from "./retention.use-cases.ts";
import { startRetentionSweeper } from "./retention-sweeper.ts";

const setPolicy = (desk: DeskTest, body: unknown, headers = desk.admin.headers) =>
  desk.send("PUT", "/api/v1/retention-policy", headers, body);

/** Files a request as the customer would, with a screenshot; answers its number and token. */
async function fileWithScreenshot(desk: DeskTest) {
  const screenshot = await uploadToken(desk.app, "screenshot.png", sampleFiles.png);
  const response = await postJson(desk.app, "/api/v1/requests", {
    ...validRequest,
    attachments: [screenshot],
  });
  const body = await readJson(response);
  return { number: body.number as string, token: body.trackingToken as string };
}

async function moveTo(desk: DeskTest, number: string, status: Status) {
  const row = await getRequestByNumber(desk.db, number);
  if (!row) throw new Error(`${number} was not filed`);
  await desk.move(row, status);
}

const trackingPage = (desk: DeskTest, number: string, token: string) =>
  desk.app.request(`/api/v1/requests/${number}`, { headers: { "X-Tracking-Token": token } });

async function storedFileCount(desk: DeskTest): Promise<number> {
  const entries = await readdir(dirname(desk.files.incomingDir), {
    recursive: true,
    withFileTypes: true,
  });
  return entries.filter((e) => e.isFile()).length;
}

describe("the retention policy over the API", () => {
  it("keeps every request until an admin sets it, and says what it would delete", async () => {
    const desk = await deskTest();
    const read = await desk.get("/api/v1/retention-policy", desk.admin.headers);
    expect(read).toMatchObject({ closedRequestDays: null, dueNow: 0, lastRun: null });
    expect(await applyRetentionPolicy(desk)).toBe(0);
  });

  it("is set by admins only, within a month and ten years, and each change is audited", async () => {
    const desk = await deskTest();
    const byAgent = await setPolicy(desk, { closedRequestDays: 365 }, desk.agent.headers);
    expect(byAgent.status).toBe(403);
    const tooShort = await setPolicy(desk, { closedRequestDays: 7 });
    expect(tooShort.status).toBe(422);
    expect(tooShort.headers.get("Content-Type")).toBe("application/problem+json");
    expect((await readJson(tooShort)).errors[0]).toMatchObject({
      field: "closedRequestDays",
      message: "must be at least 30 days",
    });
    expect((await desk.get("/api/v1/retention-policy", desk.admin.headers)).closedRequestDays).toBe(
      null,
    );

    const set = await setPolicy(desk, { closedRequestDays: 365 });
    expect(set.status).toBe(200);
    expect(await readJson(set)).toMatchObject({
      closedRequestDays: 365,
      closedBefore: "2025-11-21T09:30:00.000Z",
    });
    const [entry] = await listAudit(desk.db, { action: "retention.change", limit: 5 });
    expect(entry).toMatchObject({
      actorLabel: desk.admin.user.email,
      detail: { from: null, to: 365 },
    });
  });

  it("deletes a closed request whole once its days are over: timeline, files, tracking page", async () => {
    const desk = await deskTest();
    const old = await fileWithScreenshot(desk);
    const open = await fileWithScreenshot(desk);
    await moveTo(desk, old.number, "closed");
    expect(await storedFileCount(desk)).toBe(1);
    expect((await setPolicy(desk, { closedRequestDays: 30 })).status).toBe(200);

    // Past the 30 days by the clock, and past the file's own write time on disk.
    desk.clock.set(new Date(Date.now() + 40 * 86_400_000).toISOString());
    expect((await desk.get("/api/v1/retention-policy", desk.admin.headers)).dueNow).toBe(1);
    // The server's hourly job: its first run is at start; stopping waits for it.
    await startRetentionSweeper(desk).stop();

    expect((await trackingPage(desk, old.number, old.token)).status).toBe(404);
    expect(
      (await desk.send("GET", `/api/v1/desk/requests/${old.number}`, desk.agent.headers)).status,
    ).toBe(404);
    expect((await trackingPage(desk, open.number, open.token)).status).toBe(200);
    // The open request sent the same screenshot, so its bytes stay.
    expect(await storedFileCount(desk)).toBe(1);

    const overview = await desk.get("/api/v1/retention-policy", desk.admin.headers);
    expect(overview).toMatchObject({ dueNow: 0, lastRun: { deleted: 1 } });
    expect(overview.recentlyDeleted.map((d: { number: string }) => d.number)).toEqual([old.number]);
    const [entry] = await listAudit(desk.db, { action: "retention.delete", limit: 5 });
    expect(entry).toMatchObject({ actorLabel: "system", detail: { numbers: [old.number] } });
  });

  it("removes a file's bytes when the last request using them is deleted", async () => {
    const desk = await deskTest();
    const only = await fileWithScreenshot(desk);
    await moveTo(desk, only.number, "closed");
    await setPolicy(desk, { closedRequestDays: 30 });
    desk.clock.set(new Date(Date.now() + 40 * 86_400_000).toISOString());
    expect(await applyRetentionPolicy(desk)).toBe(1);
    expect(await storedFileCount(desk)).toBe(0);
  });

  it("never deletes a request still in work, however old", async () => {
    const desk = await deskTest();
    const waiting = await fileWithScreenshot(desk);
    await moveTo(desk, waiting.number, "waiting-on-customer");
    await setPolicy(desk, { closedRequestDays: 30 });
    desk.clock.set(new Date(Date.now() + 4000 * 86_400_000).toISOString());
    expect(await applyRetentionPolicy(desk)).toBe(0);
    expect((await trackingPage(desk, waiting.number, waiting.token)).status).toBe(200);
  });
});
