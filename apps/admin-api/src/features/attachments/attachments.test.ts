import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { escalatedRequest } from "../../../test/escalations.ts";
import { sampleFiles, upload, uploadToken } from "../../../test/files.ts";
import { postJson, readJson, validRequest } from "../../../test/test-app.ts";
import { startUploadSweeper } from "../../platform/files/upload-sweeper.ts";

/** Every file the store keeps, wherever in its folders; the incoming folder counts too. */
async function storedFiles(desk: DeskTest): Promise<string[]> {
  const root = dirname(desk.files.incomingDir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const attachmentRows = async (desk: DeskTest) =>
  desk.db.select().from(tablesOf(desk.db).attachments);

async function fileWith(desk: DeskTest, tokens: string[]) {
  const response = await postJson(desk.app, "/api/v1/requests", {
    ...validRequest,
    attachments: tokens,
  });
  return { response, body: await readJson(response) };
}

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  return readJson(response);
}

describe("files sent with a request", () => {
  it("files a request with a screenshot the agent sees and downloads byte for byte", async () => {
    const desk = await deskTest();
    const upload = await uploadToken(desk.app, "Bildschirmfoto.png", sampleFiles.png);
    const { response, body } = await fileWith(desk, [upload]);
    expect(response.status).toBe(201);

    const view = await desk.detail(body.number);
    const [file] = view.timeline[0].attachments;
    expect(file).toMatchObject({
      name: "Bildschirmfoto.png",
      size: sampleFiles.png.length,
      contentType: "image/png",
    });
    const download = await desk.send(
      "GET",
      `/api/v1/desk/requests/${body.number}/attachments/${file.id}`,
      desk.agent.headers,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("image/png");
    expect(download.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"Bildschirmfoto.png\"; filename*=UTF-8''Bildschirmfoto.png",
    );
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(Buffer.from(await download.arrayBuffer()).equals(sampleFiles.png)).toBe(true);
  });

  it("lets the customer download their request's files with the tracking token, and nobody else", async () => {
    const desk = await deskTest();
    const token = await uploadToken(desk.app, "smtp.log", sampleFiles.log);
    const { body } = await fileWith(desk, [token]);
    const view = await readJson(
      await desk.send("GET", `/api/v1/requests/${body.number}`, {
        "X-Tracking-Token": body.trackingToken,
      }),
    );
    const [file] = view.timeline[0].attachments;
    expect(file).toMatchObject({ name: "smtp.log", contentType: "text/plain" });
    const path = `/api/v1/requests/${body.number}/attachments/${file.id}`;

    const own = await desk.send("GET", path, { "X-Tracking-Token": body.trackingToken });
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await own.text()).toBe(sampleFiles.log.toString());

    const wrong = await desk.send("GET", path, { "X-Tracking-Token": "not-the-token" });
    await problem(wrong, 404);
    await problem(await desk.send("GET", path, {}), 404);
  });

  it("keeps an internal note's file from the customer, even with the right token", async () => {
    const desk = await deskTest();
    const { body } = await fileWith(desk, []);
    const token = await uploadToken(
      desk.app,
      "tenant-export.csv",
      Buffer.from("user,mfa\na,off\n"),
      desk.agent.headers,
    );
    const noted = await desk.act(body.number, "notes", {
      body: "Export of the tenant's MFA settings.",
      attachments: [token],
    });
    expect(noted.status).toBe(201);
    const note = (await readJson(noted)).timeline.at(-1);
    expect(note).toMatchObject({ internal: true, attachments: [{ name: "tenant-export.csv" }] });

    const customer = { "X-Tracking-Token": body.trackingToken };
    const path = `/api/v1/requests/${body.number}/attachments/${note.attachments[0].id}`;
    await problem(await desk.send("GET", path, customer), 404);
    const view = await readJson(
      await desk.send("GET", `/api/v1/requests/${body.number}`, customer),
    );
    expect(view.timeline.flatMap((e: { attachments: unknown[] }) => e.attachments)).toEqual([]);
  });

  it("sends files with the agent's reply and the customer's answer, each on its own entry", async () => {
    const desk = await deskTest();
    const { body } = await fileWith(desk, []);
    const guide = await uploadToken(desk.app, "anleitung.pdf", sampleFiles.pdf, desk.agent.headers);
    expect(
      (await desk.act(body.number, "replies", { body: "Siehe Anleitung.", attachments: [guide] }))
        .status,
    ).toBe(201);
    const log = await uploadToken(desk.app, "outlook.log", sampleFiles.log);
    const replied = await desk.send(
      "POST",
      `/api/v1/requests/${body.number}/replies`,
      { "X-Tracking-Token": body.trackingToken, "Content-Type": "application/json" },
      { body: "Hier das Protokoll.", attachments: [log] },
    );
    expect(replied.status).toBe(201);
    const files = (await readJson(replied)).timeline
      .filter((e: { attachments: unknown[] }) => e.attachments.length > 0)
      .map((e: { author: string; attachments: { name: string }[] }) => [
        e.author,
        e.attachments[0]?.name,
      ]);
    expect(files).toEqual([
      ["partner", "anleitung.pdf"],
      ["customer", "outlook.log"],
    ]);
  });
});

describe("files an escalation carries", () => {
  it("lists the request's files for the operator, who downloads them through the escalation", async () => {
    const desk = await deskTest();
    const screenshot = await uploadToken(desk.app, "error.png", sampleFiles.png);
    const { id } = await escalatedRequest(desk, { attachments: [screenshot] });
    const escalation = await readJson(
      await desk.send("GET", `/api/v1/escalations/${id}`, desk.operator.headers),
    );
    expect(escalation.files).toEqual([
      expect.objectContaining({ name: "error.png", contentType: "image/png" }),
    ]);
    const path = `/api/v1/escalations/${id}/attachments/${escalation.files[0].id}`;
    const download = await desk.send("GET", path, desk.operator.headers);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(sampleFiles.png)).toBe(true);
    // The operator reaches files only through an escalation, not through the desk.
    const desksPath = `/api/v1/desk/requests/${escalation.request.number}/attachments/${escalation.files[0].id}`;
    expect((await desk.send("GET", desksPath, desk.operator.headers)).status).toBe(403);
  });
});

describe("files that are refused", () => {
  it("refuses a PDF that calls itself a PNG, and keeps nothing", async () => {
    const desk = await deskTest();
    const body = await problem(await upload(desk.app, "screenshot.png", sampleFiles.pdf), 415);
    expect(body.type).toContain("file-type-mismatch");
    expect(body.detail).toContain("screenshot.png");
    expect(await storedFiles(desk)).toEqual([]);
    expect(await attachmentRows(desk)).toEqual([]);
  });

  it("refuses a program whatever it is called, naming the kinds accepted", async () => {
    const desk = await deskTest();
    for (const name of ["setup.exe", "invoice", "invoice.pdf"]) {
      const body = await problem(await upload(desk.app, name, sampleFiles.exe), 415);
      expect(body.type).toMatch(/file-type-(refused|mismatch)/);
    }
    expect(await storedFiles(desk)).toEqual([]);
  });

  it("refuses text under a name of a kind that is not accepted, such as a web page", async () => {
    const desk = await deskTest();
    const page = Buffer.from("<html><script>alert(1)</script></html>");
    const body = await problem(await upload(desk.app, "page.html", page), 415);
    expect(body.type).toContain("file-type-refused");
  });

  it("stops reading a file over 10 MiB, answers 413 and keeps no part of it", async () => {
    const desk = await deskTest();
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const body = await problem(await upload(desk.app, "huge.log", huge), 413);
    expect(body.type).toContain("file-too-large");
    expect(body.detail).toContain("10 MiB");
    expect(await storedFiles(desk)).toEqual([]);
  });

  it("refuses an empty file and a missing name", async () => {
    const desk = await deskTest();
    await problem(await upload(desk.app, "empty.txt", Buffer.alloc(0)), 400);
    const nameless = await desk.app.request("/api/v1/uploads", { method: "POST", body: "x" });
    expect(nameless.status).toBe(422);
  });

  it("files nothing when the request names an unknown upload", async () => {
    const desk = await deskTest();
    const good = await uploadToken(desk.app, "ok.png", sampleFiles.png);
    const { response, body } = await fileWith(desk, [good, "up_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]);
    expect(response.status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({ field: "attachments", code: "unknown-upload" }),
    ]);
    expect(await desk.db.select().from(tablesOf(desk.db).requests)).toEqual([]);
    // The good upload is still waiting and can go with the corrected request.
    expect((await fileWith(desk, [good])).response.status).toBe(201);
  });

  it("sends an upload once: the same token on a second message is refused", async () => {
    const desk = await deskTest();
    const token = await uploadToken(desk.app, "once.png", sampleFiles.png);
    expect((await fileWith(desk, [token])).response.status).toBe(201);
    const again = await fileWith(desk, [token]);
    expect(again.response.status).toBe(422);
    expect(again.body.errors[0].code).toBe("unknown-upload");
  });

  it("refuses files past 25 MiB on one message, and an upload older than a day", async () => {
    const desk = await deskTest();
    const nine = Buffer.alloc(9 * 1024 * 1024, 0x42);
    const tokens = [
      await uploadToken(desk.app, "a.log", nine),
      await uploadToken(desk.app, "b.log", nine),
      await uploadToken(desk.app, "c.log", nine),
    ];
    const over = await fileWith(desk, tokens);
    expect(over.response.status).toBe(422);
    expect(over.body.errors[0]).toMatchObject({ code: "message-bytes" });
    expect(over.body.detail).toContain("25 MiB");

    desk.clock.set("2026-11-22T09:31:00Z");
    const late = await fileWith(desk, tokens.slice(0, 1));
    expect(late.body.errors[0].code).toBe("unknown-upload");
  });
});

describe("uploads nobody sent", () => {
  it("are swept after a day with their bytes, unless a sent message uses the same file", async () => {
    const desk = await deskTest();
    const sent = await uploadToken(desk.app, "sent.png", sampleFiles.png);
    await uploadToken(desk.app, "same-bytes.png", sampleFiles.png);
    await uploadToken(desk.app, "forgotten.log", sampleFiles.log);
    expect((await fileWith(desk, [sent])).response.status).toBe(201);
    expect(await storedFiles(desk)).toHaveLength(2);

    // A day later by the clock, and later than the files' own write times on disk.
    desk.clock.set(new Date(Date.now() + 25 * 3_600_000).toISOString());
    const sweeper = startUploadSweeper(desk);
    await sweeper.stop();
    expect(await sweeper.runOnce()).toBe(0);
    const names = (await attachmentRows(desk)).map((r) => r.name);
    expect(names).toEqual(["sent.png"]);
    expect(await storedFiles(desk)).toHaveLength(1);
  });
});
