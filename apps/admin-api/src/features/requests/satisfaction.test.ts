import { getRequestByNumber, listOutbox } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest, numbers } from "../../../test/desk.ts";
import { postJson, readJson, validRequest } from "../../../test/test-app.ts";

/** A request filed through the API, as the customer who holds its tracking token. */
async function filed(desk: DeskTest) {
  const body = await readJson(await postJson(desk.app, "/api/v1/requests", validRequest));
  const headers = { "X-Tracking-Token": body.trackingToken, "Content-Type": "application/json" };
  const rate = (rating: unknown) =>
    desk.send("POST", `/api/v1/requests/${body.number}/satisfaction`, headers, rating);
  const track = async () =>
    readJson(await desk.send("GET", `/api/v1/requests/${body.number}`, headers));
  return { number: body.number as string, rate, track };
}

async function resolved(desk: DeskTest) {
  const request = await filed(desk);
  await desk.act(request.number, "assignment", { assigneeId: "me" });
  const resolution = await desk.act(request.number, "resolution", {
    body: "We reset the mailbox rules; mail arrives again.",
  });
  expect(resolution.status).toBe(200);
  return request;
}

describe("the customer's rating of the support", () => {
  it("is given once after the resolution, shows on the request and can be filtered for", async () => {
    const desk = await deskTest();
    const request = await resolved(desk);
    expect((await request.track()).canRate).toBe(true);
    // The email that says it is resolved opens the tracking page at the rating form.
    const resolvedMail = (await listOutbox(desk.db)).find((m) => m.body?.includes("Resolved"));
    expect(resolvedMail?.body).toMatch(
      new RegExp(
        `How did we do\\? Rate our support in one click:\\n\\S+/en/track/#${request.number}:a1\\.\\S+:rate\\n`,
      ),
    );

    const rated = await request.rate({ rating: "good", comment: "Quick and friendly." });
    expect(rated.status).toBe(200);
    const view = await readJson(rated);
    expect(view).toMatchObject({
      canRate: false,
      status: "resolved",
      satisfaction: { rating: "good", comment: "Quick and friendly.", ratedAt: expect.any(String) },
    });
    expect((await desk.detail(request.number)).satisfaction).toMatchObject({ rating: "good" });

    const again = await request.rate({ rating: "bad" });
    expect(again.status).toBe(409);
    expect((await readJson(again)).type).toContain("already-rated");
    expect((await getRequestByNumber(desk.db, request.number))?.satisfaction).toBe("good");

    const other = await filed(desk);
    expect(numbers(await desk.queue("?satisfaction=good"))).toEqual([request.number]);
    expect(numbers(await desk.queue("?satisfaction=unrated"))).toEqual([other.number]);
    expect(numbers(await desk.queue("?satisfaction=bad"))).toEqual([]);
  });

  it("is refused while the request is still being worked on, and stores nothing", async () => {
    const desk = await deskTest();
    const request = await filed(desk);
    expect((await request.track()).canRate).toBe(false);
    const early = await request.rate({ rating: "bad", comment: "Nobody answered yet." });
    expect(early.status).toBe(409);
    expect((await readJson(early)).type).toContain("rating-not-possible");
    expect((await request.track()).satisfaction).toBeNull();
  });

  it("tells the assignee about a bad rating, reopens nothing, and notes it for the desk only", async () => {
    const desk = await deskTest();
    const request = await resolved(desk);
    expect((await request.rate({ rating: "bad", comment: "Took two days." })).status).toBe(200);

    const mails = (await listOutbox(desk.db)).filter((m) => m.kind === "satisfaction-bad");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: desk.agent.user.email });
    expect(mails[0]?.body).toContain("Took two days.");
    expect(mails[0]?.body).toContain(`/admin/requests/${request.number}`);

    const view = await desk.detail(request.number);
    expect(view.status).toBe("resolved");
    expect(view.timeline.at(-1)).toMatchObject({
      kind: "satisfaction",
      internal: true,
      body: "Took two days.",
      summary: "The customer rated the support bad.",
    });
    // The customer's own timeline does not grow: the rating is shown as such, not as a message.
    const tracked = await request.track();
    expect(tracked.timeline.map((e: { type: string }) => e.type)).not.toContain("internal-note");
  });

  it("tells every admin about a bad rating when nobody is assigned", async () => {
    const desk = await deskTest();
    const request = await filed(desk);
    await desk.act(request.number, "resolution", { body: "Fixed on our side." });
    expect((await request.rate({ rating: "bad" })).status).toBe(200);
    const mails = (await listOutbox(desk.db)).filter((m) => m.kind === "satisfaction-bad");
    expect(mails.map((m) => m.recipient)).toEqual([desk.admin.user.email]);
    expect(mails[0]?.body).toContain("They left no comment.");
  });

  it("refuses a rating that is neither good nor bad, or a comment over 2,000 characters", async () => {
    const desk = await deskTest();
    const request = await resolved(desk);
    expect((await request.rate({ rating: "meh" })).status).toBe(422);
    expect((await request.rate({ rating: "good", comment: "x".repeat(2_001) })).status).toBe(422);
    expect((await request.track()).canRate).toBe(true);
  });
});
