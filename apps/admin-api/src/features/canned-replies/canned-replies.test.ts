import { listOutbox } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { readJson } from "../../../test/test-app.ts";

const german = {
  title: "Kennwort zurücksetzen",
  locale: "de",
  body: "Guten Tag {customer.name},\nzu {request.number}: bitte folgen Sie {article:reset-your-password}",
  status: "waiting-on-customer",
  shared: true,
};

function write(desk: DeskTest, body: unknown, headers: Record<string, string>) {
  return desk.send("POST", "/api/v1/canned-replies", headers, body);
}

const list = async (desk: DeskTest, headers: Record<string, string>, query = "") =>
  (await readJson(await desk.send("GET", `/api/v1/canned-replies${query}`, headers))).items;

describe("canned replies", () => {
  it("are filled for the request, in the customer's language first", async () => {
    const desk = await deskTest();
    expect((await write(desk, german, desk.admin.headers)).status).toBe(201);
    const english = { title: "Thanks", locale: "en", body: "Thank you, {customer.name}." };
    expect((await write(desk, english, desk.agent.headers)).status).toBe(201);
    const request = await desk.file({ locale: "de", name: "Jürgen Weiß" });

    const items = await list(desk, desk.agent.headers, `?request=${request.number}`);
    expect(items.map((i: { title: string }) => i.title)).toEqual([
      "Kennwort zurücksetzen",
      "Thanks",
    ]);
    expect(items[0]).toMatchObject({ shared: true, status: "waiting-on-customer" });
    expect(items[0].filled).toBe(
      `Guten Tag Jürgen Weiß,\nzu ${request.number}: bitte folgen Sie https://help.example/de/articles/reset-your-password/`,
    );
    expect(items[1]).toMatchObject({ shared: false, filled: "Thank you, Jürgen Weiß." });
    // Another agent sees the desk's text, not the first agent's own.
    const theirs = await list(desk, desk.otherAgent.headers);
    expect(theirs.map((i: { title: string }) => i.title)).toEqual(["Kennwort zurücksetzen"]);
  });

  it("are shared by admins only, and kept by their owner", async () => {
    const desk = await deskTest();
    const shared = await readJson(await write(desk, german, desk.admin.headers));
    expect((await write(desk, german, desk.agent.headers)).status).toBe(403);
    const put = (id: number, headers: Record<string, string>) =>
      desk.send("PUT", `/api/v1/canned-replies/${id}`, headers, { ...german, shared: false });
    expect((await put(shared.id, desk.agent.headers)).status).toBe(403);
    const own = await readJson(
      await write(desk, { ...german, shared: false, title: "Mein Text" }, desk.agent.headers),
    );
    expect((await put(own.id, desk.otherAgent.headers)).status).toBe(404);
    const del = (id: number, headers: Record<string, string>) =>
      desk.send("DELETE", `/api/v1/canned-replies/${id}`, headers);
    expect((await del(own.id, desk.otherAgent.headers)).status).toBe(404);
    expect((await del(own.id, desk.agent.headers)).status).toBe(204);
    expect((await desk.send("GET", "/api/v1/canned-replies", desk.operator.headers)).status).toBe(
      403,
    );
  });

  it("refuse a text with an unknown placeholder, naming it", async () => {
    const desk = await deskTest();
    const response = await write(
      desk,
      { ...german, body: "Hallo {customer.nmae}" },
      desk.admin.headers,
    );
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0]).toMatchObject({
      field: "body",
      message: expect.stringContaining("{customer.nmae}"),
    });
    expect(await list(desk, desk.admin.headers)).toEqual([]);
  });

  it("move the request as their reply is sent, in one change with one email", async () => {
    const desk = await deskTest();
    const request = await desk.file({ locale: "de" });
    await desk.act(request.number, "replies", { body: "Wir sind dran." });
    const before = (await listOutbox(desk.db)).length;
    const response = await desk.act(request.number, "replies", {
      body: "Bitte senden Sie uns das Protokoll.",
      status: "waiting-on-customer",
    });
    expect(response.status).toBe(201);
    const view = await readJson(response);
    expect(view.status).toBe("waiting-on-customer");
    const mails = (await listOutbox(desk.db)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain("Bitte senden Sie uns das Protokoll.");
    // Closing is not something a reply does: refused, with nothing sent.
    const closed = await desk.act(request.number, "replies", {
      body: "Tschüss.",
      status: "closed",
    });
    expect(closed.status).toBe(422);
    expect((await listOutbox(desk.db)).length).toBe(before + 1);
  });
});
