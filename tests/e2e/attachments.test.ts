import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillContactForm } from "./contact-form.ts";
import { addStaff, signIn } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await addStaff(harness.databasePath, [{ email: AGENT, role: "agent" }]);
});
afterAll(async () => {
  await harness?.stop();
});

const AGENT = "files.agent@partner.example";

/** The files a customer has at hand: a real screenshot, a log, and a program renamed to look harmless. */
const folder = mkdtempSync(join(tmpdir(), "frontline-e2e-files-"));
const screenshot = join(folder, "Fehlermeldung.png");
const log = join(folder, "outlook.log");
const disguised = join(folder, "rechnung.pdf");
writeFileSync(
  screenshot,
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);
writeFileSync(log, "09:14:03 ERROR 535 5.7.3 Authentication unsuccessful\n");
writeFileSync(disguised, Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]));

describe("files between a customer and the desk", () => {
  it("files a request with a screenshot, replies with a log, and the agent sees both", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/de/contact/`);
    await fillContactForm(page, {
      service: "identity",
      subject: "Kennwortabfrage kommt immer wieder",
    });

    // A program that calls itself a PDF is refused in German, and the request waits until it is removed.
    await page.setInputFiles("#attachments", [disguised]);
    await page
      .locator(".file-list li[data-state=failed]")
      .filter({ hasText: "rechnung.pdf ist nicht das, was der Dateiname angibt" })
      .waitFor();
    await page.click("#contact-form button[type=submit]");
    await page
      .locator("#error-attachments")
      .filter({ hasText: "Entfernen Sie die Dateien" })
      .waitFor();
    await page.getByRole("button", { name: "rechnung.pdf entfernen" }).click();

    await page.setInputFiles("#attachments", [screenshot]);
    await page
      .locator(".file-list li[data-state=ready]")
      .filter({ hasText: "Fehlermeldung.png" })
      .waitFor();
    await page.click("#contact-form button[type=submit]");
    await page.locator("#confirmation [data-reference]").waitFor();
    const number = (await page.locator("#confirmation [data-reference]").textContent()) ?? "";

    await page.click("[data-tracking-link]");
    await page.locator("[data-request]").waitFor();
    // The customer downloads their own screenshot back, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Fehlermeldung\.png herunterladen/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Fehlermeldung.png");
    const saved = join(folder, "downloaded.png");
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(screenshot))).toBe(true);

    await page.fill("#reply-body", "Hier das Protokoll aus Outlook.");
    await page.setInputFiles("#reply-attachments", [log]);
    await page.locator("[data-reply] .file-list li[data-state=ready]").waitFor();
    await page.click("[data-reply] button[type=submit]");
    await page.locator("[data-action-result]").filter({ hasText: "Ihre Antwort" }).waitFor();
    await page.getByRole("button", { name: /outlook\.log herunterladen/ }).waitFor();
    expect(await page.locator("[data-reply] .file-list li").count()).toBe(0);
    await page.close();

    const context = await harness.browser.newContext();
    const desk = await signIn(context, harness.server.url, AGENT);
    await desk.goto(`${harness.server.url}/admin/requests/${number}`);
    const preview = desk.getByAltText("Preview of Fehlermeldung.png");
    await preview.waitFor();
    // The image really loaded with the agent's session: it has its one pixel.
    await expect
      .poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(1);
    expect(await desk.getByRole("link", { name: "outlook.log" }).getAttribute("download")).toBe(
      "outlook.log",
    );
    await context.close();
  });
});
