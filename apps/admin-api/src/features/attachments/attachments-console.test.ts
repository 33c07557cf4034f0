import { getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { deskPagesTest } from "../../../test/desk-pages.ts";
import { sampleFiles } from "../../../test/files.ts";

const file = (bytes: Uint8Array, name: string) => new File([bytes], name);

describe("files on the request page", () => {
  it("sends an agent's reply with files from the form and shows screenshots as previews", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const reply = await test.console.browser.submitWithFiles(
      `/admin/requests/${request.number}/reply`,
      {
        version: await test.versionOf(request.number),
        body: "Here is the screenshot and the guide.",
      },
      { files: [file(sampleFiles.png, "settings.png"), file(sampleFiles.pdf, "guide.pdf")] },
    );
    expect(reply.status).toBe(303);

    const html = await (await test.console.browser.get(`/admin/requests/${request.number}`)).text();
    const view = await test.detail(request.number);
    // The first reply also opens the request: the files are on the reply, not the status change.
    const [png, pdf] = view.timeline.find((e: { type: string }) => e.type === "reply").attachments;
    const href = (id: number) => `/api/v1/desk/requests/${request.number}/attachments/${id}`;
    expect(html).toContain(`<img src="${href(png.id)}" alt="Preview of settings.png"`);
    expect(html).toContain(`<a href="${href(pdf.id)}" download="guide.pdf">guide.pdf</a>`);
    expect(html).not.toContain("Preview of guide.pdf");

    // The preview loads with the agent's session, as the browser would fetch the image.
    const image = await test.console.browser.get(href(png.id));
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
  });

  it("keeps the typed note and names the refused file, adding nothing", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const before = await getRequestByNumber(test.db, request.number);
    const response = await test.console.browser.submitWithFiles(
      `/admin/requests/${request.number}/note`,
      { version: await test.versionOf(request.number), body: "Customer sent the installer." },
      { files: [file(sampleFiles.exe, "installer.png")] },
    );
    expect(response.status).toBe(415);
    const html = await response.text();
    expect(html).toContain("installer.png: The content of");
    expect(html).toContain("Customer sent the installer.</textarea>");
    expect((await getRequestByNumber(test.db, request.number))?.version).toBe(before?.version);
  });

  it("sends a reply without files when the chooser is left empty", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const reply = await test.console.browser.submitWithFiles(
      `/admin/requests/${request.number}/reply`,
      { version: await test.versionOf(request.number), body: "No files this time." },
      { files: [new File([], "")] },
    );
    expect(reply.status).toBe(303);
    const timeline = (await test.detail(request.number)).timeline;
    expect(timeline.flatMap((e: { attachments: unknown[] }) => e.attachments)).toEqual([]);
    expect(timeline.map((e: { body: string | null }) => e.body)).toContain("No files this time.");
  });
});
