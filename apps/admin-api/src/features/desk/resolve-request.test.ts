import { getRequestByNumber, listOutbox } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { readJson } from "../../../test/test-app.ts";

async function germanRequest() {
  const desk = await deskTest();
  const row = await desk.file({ severity: "B", locale: "de" });
  return { desk, number: row.number };
}

const mails = async (desk: DeskTest) =>
  (await listOutbox(desk.db)).map((m) => ({
    kind: m.kind,
    subject: m.subject,
    body: m.body ?? "",
  }));

describe("the first answer", () => {
  it("moves a new request to open, with one email that carries the reply", async () => {
    const { desk, number } = await germanRequest();
    const request = await readJson(
      await desk.act(number, "replies", { body: "Wir sehen uns das Postfach an." }),
    );
    expect(request).toMatchObject({ status: "open", firstResponseAt: "2026-11-21T09:30:00.000Z" });
    expect(request.timeline.slice(-2)).toMatchObject([
      { type: "reply", internal: false, body: "Wir sehen uns das Postfach an." },
      { type: "status-change", data: { from: "new", to: "open" } },
    ]);
    const sent = await mails(desk);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "reply" });
    expect(sent[0]?.body).toContain("Wir sehen uns das Postfach an.");
  });

  it("leaves the status alone once the request is past new", async () => {
    const { desk, number } = await germanRequest();
    await desk.act(number, "status", { status: "waiting-on-customer" });
    const request = await readJson(await desk.act(number, "replies", { body: "Noch Fragen?" }));
    expect(request.status).toBe("waiting-on-customer");
  });
});

describe("resolving a request", () => {
  it("sends the customer the resolution in the email that says it is resolved", async () => {
    const { desk, number } = await germanRequest();
    const response = await desk.act(number, "resolution", {
      body: "Das Zertifikat wurde erneuert; E-Mails werden wieder zugestellt.",
    });
    expect(response.status).toBe(200);
    const request = await readJson(response);
    expect(request.status).toBe("resolved");
    // The resolution is the first answer too: the first-response clock stops with it.
    expect(request.firstResponseAt).toBe("2026-11-21T09:30:00.000Z");
    const sent = await mails(desk);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(`[${number}] Gelöst: ${(await desk.detail(number)).subject}`);
    expect(sent[0]?.body).toContain("lautet jetzt: Gelöst.");
    expect(sent[0]?.body).toContain(
      "Das Zertifikat wurde erneuert; E-Mails werden wieder zugestellt.",
    );
  });

  it("refuses a bare move to resolved with 409, pointing to the resolution, and changes nothing", async () => {
    const { desk, number } = await germanRequest();
    const response = await desk.act(number, "status", { status: "resolved" });
    expect(response.status).toBe(409);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    const problem = await readJson(response);
    expect(problem.type).toContain("resolution-needs-message");
    expect(problem.detail).toContain("/resolution");
    expect((await getRequestByNumber(desk.db, number))?.status).toBe("new");
    expect(await mails(desk)).toEqual([]);
  });

  it("refuses an empty resolution with 422 naming the field", async () => {
    const { desk, number } = await germanRequest();
    const response = await desk.act(number, "resolution", { body: "" });
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0].field).toBe("body");
    expect((await getRequestByNumber(desk.db, number))?.status).toBe("new");
  });
});
