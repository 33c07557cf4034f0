import { describe, expect, it } from "vitest";
import { expectRedirect } from "../../../test/console.ts";
import { type DeskTest, deskTest, numbers } from "../../../test/desk.ts";
import { deskPagesTest } from "../../../test/desk-pages.ts";
import { readJson } from "../../../test/test-app.ts";

const tag = (desk: DeskTest, number: string, change: { add?: string[]; remove?: string[] }) =>
  desk.act(number, "tags", change);

describe("tags on requests", () => {
  it("are added in any script, lower-cased, noted internally and filter the queue", async () => {
    const desk = await deskTest();
    const tagged = await desk.file({ subject: "Mailbox migration stalled" });
    const other = await desk.file({ subject: "Printer offline" });
    const response = await tag(desk, tagged.number, { add: ["VIP", "迁移"] });
    expect(response.status).toBe(200);
    const view = await readJson(response);
    expect(view.tags).toEqual(["vip", "迁移"]);
    expect(view.timeline.at(-1)).toMatchObject({ internal: true, summary: "Tagged vip, 迁移." });

    const filtered = await desk.queue("?tag=vip");
    expect(numbers(filtered)).toEqual([tagged.number]);
    expect(filtered.items[0].tags).toEqual(["vip", "迁移"]);
    expect(numbers(await desk.queue("?tag=%E8%BF%81%E7%A7%BB"))).toEqual([tagged.number]);
    expect(numbers(await desk.queue())).toContain(other.number);

    const removed = await readJson(await tag(desk, tagged.number, { remove: ["vip"] }));
    expect(removed.tags).toEqual(["迁移"]);
    expect(numbers(await desk.queue("?tag=vip"))).toEqual([]);
  });

  it("refuses a tag of two words, more than twenty on a request, or a stale view, changing nothing", async () => {
    const desk = await deskTest();
    const request = await desk.file();
    const twoWords = await tag(desk, request.number, { add: ["two words"] });
    expect(twoWords.status).toBe(422);
    expect((await readJson(twoWords)).errors[0].message).toBe(
      "A tag is one word of letters, digits, - or _, at most 40 characters.",
    );
    await tag(desk, request.number, { add: Array.from({ length: 15 }, (_, i) => `t${i}`) });
    const tooMany = await tag(desk, request.number, {
      add: Array.from({ length: 6 }, (_, i) => `u${i}`),
    });
    expect(tooMany.status).toBe(422);
    expect((await readJson(tooMany)).errors[0].message).toBe("A request takes at most 20 tags.");
    const stale = await desk.act(request.number, "tags", { add: ["late"], version: 1 });
    expect(stale.status).toBe(409);
    expect((await desk.detail(request.number)).tags).toHaveLength(15);
  });
});

describe("tags in the console", () => {
  it("are typed in one box on the request, shown in the queue and offered as its filter", async () => {
    const test = await deskPagesTest();
    const request = await test.file({ subject: "Mailbox migration stalled" });
    expectRedirect(
      await test.actOnPage(request.number, "tags", { tags: "VIP, migration", tagsBefore: "" }),
      `/admin/requests/${request.number}?notice=tags-changed`,
    );
    const page = await (await test.console.browser.get(`/admin/requests/${request.number}`)).text();
    expect(page).toContain('name="tags" type="text" value="migration, vip"');
    expect(page).toContain("Tagged migration, vip.");

    const queue = await (await test.console.browser.get("/admin/queue")).text();
    expect(queue).toContain('<span class="badge" data-tag="vip">vip</span>');
    expect(queue).toContain('<option value="vip">vip (1)</option>');

    // Removing one from the box removes only that one.
    await test.actOnPage(request.number, "tags", { tags: "vip", tagsBefore: "migration, vip" });
    expect((await test.detail(request.number)).tags).toEqual(["vip"]);
  });

  it("say a refused tag next to the box, keeping what was typed", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const refused = await test.actOnPage(request.number, "tags", { tags: "ok, no/slash" });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="tags-tags-error"[^>]*>.*A tag is one word of letters/);
    expect(html).toContain('value="ok, no/slash"');
  });
});

describe("the queue's default", () => {
  it("opens on the open work, and shows resolved and closed requests once asked for", async () => {
    const test = await deskPagesTest();
    const open = await test.file({ subject: "Still broken" });
    const closed = await test.file({ subject: "Long solved" });
    await test.move(closed, "closed");
    const start = await (await test.console.browser.get("/admin/queue")).text();
    expect(start).toContain(open.number);
    expect(start).not.toContain(closed.number);
    expect(start).toMatch(/value="escalated" checked=""/);
    expect(start).not.toMatch(/value="closed" checked=""/);

    const everything = await (await test.console.browser.get("/admin/queue?sort=sla")).text();
    expect(everything).toContain(closed.number);
  });
});
