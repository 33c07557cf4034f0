import { describe, expect, it } from "vitest";
import { expectRedirect } from "../../../test/console.ts";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { deskPagesTest } from "../../../test/desk-pages.ts";
import { readJson } from "../../../test/test-app.ts";

const save = (desk: DeskTest, body: unknown, headers = desk.agent.headers) =>
  desk.send("POST", "/api/v1/queue/views", headers, body);

describe("saved views over the API", () => {
  it("keep an agent's filters with how many requests each holds now", async () => {
    const desk = await deskTest();
    await desk.file({ severity: "A" });
    await desk.file({ severity: "A" });
    await desk.file({ severity: "C" });
    const saved = await save(desk, { name: "Critical", query: { severity: "A", cursor: "x" } });
    expect(saved.status).toBe(201);
    expect(await readJson(saved)).toMatchObject({
      name: "Critical",
      shared: false,
      query: { severity: "A" },
      href: "/admin/queue?severity=A",
    });
    const { items } = await desk.get("/api/v1/queue/views");
    expect(items).toEqual([expect.objectContaining({ name: "Critical", count: 2 })]);
    // Another agent does not see it.
    expect((await desk.get("/api/v1/queue/views", desk.otherAgent.headers)).items).toEqual([]);
  });

  it("are shared with the desk by admins only, and count by each viewer's own 'me'", async () => {
    const desk = await deskTest();
    const mine = await desk.file();
    await desk.act(mine.number, "assignment", { assigneeId: "me" });
    expect(
      (await save(desk, { name: "Mine", query: { assignee: "me" }, shared: true })).status,
    ).toBe(403);
    const shared = await save(
      desk,
      { name: "Mine", query: { assignee: "me" }, shared: true },
      desk.admin.headers,
    );
    expect(shared.status).toBe(201);
    const agentView = (await desk.get("/api/v1/queue/views")).items[0];
    const otherView = (await desk.get("/api/v1/queue/views", desk.otherAgent.headers)).items[0];
    expect([agentView.count, otherView.count]).toEqual([1, 0]);
    const id = agentView.id;
    expect(
      (await desk.send("DELETE", `/api/v1/queue/views/${id}`, desk.agent.headers)).status,
    ).toBe(403);
  });

  it("refuse filters the queue would refuse, naming them", async () => {
    const desk = await deskTest();
    const refused = await save(desk, { name: "Odd", query: { severity: "Z" } });
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).errors[0].field).toMatch(/^query\.severity/);
    expect((await desk.get("/api/v1/queue/views")).items).toEqual([]);
  });
});

describe("saved views in the console", () => {
  it("save the filters on show, list them above the queue with counts, and delete them", async () => {
    const test = await deskPagesTest();
    await test.file({ severity: "A", subject: "Nobody can send mail" });
    const browser = test.console.browser;
    const filtered = await (await browser.get("/admin/queue?severity=A&sort=sla")).text();
    expect(filtered).toContain('name="query" value="severity=A&amp;sort=sla"');
    expectRedirect(
      await browser.submit("/admin/queue/views", {
        name: "Critical",
        query: "severity=A&sort=sla",
      }),
      "/admin/queue?severity=A&sort=sla&notice=view-saved",
    );
    const queue = await (await browser.get("/admin/queue")).text();
    expect(queue).toMatch(
      /<a href="\/admin\/queue\?severity=A&amp;sort=sla">Critical<\/a> <span class="badge">1<\/span>/,
    );
    const id = /data-view="(\d+)"/.exec(queue)?.[1];
    expectRedirect(
      await browser.submit(`/admin/queue/views/${id}/delete`),
      "/admin/queue?notice=view-deleted",
    );
    expect(await (await browser.get("/admin/queue")).text()).toContain("No saved views yet");
  });

  it("say why a view was not saved", async () => {
    const test = await deskPagesTest();
    const response = await test.console.browser.submit("/admin/queue/views", {
      name: "",
      query: "severity=A",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("The view was not saved");
    expect(html).toContain('href="/admin/queue?severity=A"');
  });
});
