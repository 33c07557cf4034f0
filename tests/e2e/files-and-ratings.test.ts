import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listOutbox } from "@frontline/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillContactForm } from "./contact-form.ts";
import { addStaff, fileByApi, signIn, withDatabase } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";
import { sampleFiles } from "./sample-files.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await addStaff(harness.databasePath, [{ email: AGENT, role: "agent" }]);
});
afterAll(async () => {
  await harness?.stop();
});

const AGENT = "files.agent@partner.example";

const { folder, screenshot, log, disguised } = sampleFiles();

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

describe("a resolution the customer rates", () => {
  it("opens the rating form from the latest email's link, and the rating reaches the desk", async () => {
    const filed = await fileByApi(harness.server.url, "Shared calendar shows no free slots");
    const context = await harness.browser.newContext();
    const desk = await signIn(context, harness.server.url, AGENT);
    await desk.goto(`${harness.server.url}/admin/requests/${filed.number}`);
    await desk.fill("#resolve-body", "The calendar's sharing was reset; free slots show again.");
    await desk.click("#action-resolve button[type=submit]");
    await desk.locator(".notice").filter({ hasText: "The request is resolved" }).waitFor();

    // The latest email, not the first: it carries a signed access link, not the tracking token.
    const mails = await withDatabase(harness.databasePath, (db) => listOutbox(db));
    const latest = mails.filter((m) => m.recipient === "li.wei@contoso.example").at(-1);
    const rateLink = /https?:\/\/\S+:rate/.exec(latest?.body ?? "")?.[0] ?? "";
    expect(rateLink).toContain(`#${filed.number}:a1.`);
    expect(rateLink).not.toContain(filed.token);

    const page = await context.newPage();
    await page.goto(rateLink.replace(/^https?:\/\/[^/]+/, harness.server.url));
    await page.locator("[data-timeline]").filter({ hasText: "free slots show again" }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("value")))
      .toBe("good");
    await page.getByLabel("Bad").check();
    await page.fill("#rating-comment", "It took three days.");
    await page.getByRole("button", { name: "Send my rating" }).click();
    await page.locator("[data-action-result]").filter({ hasText: "Thank you" }).waitFor();
    await page.locator("[data-rated]").filter({ hasText: "You rated our support: Bad." }).waitFor();
    expect(await page.locator("[data-rating]").isHidden()).toBe(true);

    await desk.goto(`${harness.server.url}/admin/requests/${filed.number}`);
    expect(await desk.locator("[data-satisfaction=bad]").textContent()).toContain(
      "It took three days.",
    );
    await desk.goto(`${harness.server.url}/admin/queue?status=resolved&satisfaction=bad`);
    await desk.locator(`tr[data-request="${filed.number}"]`).waitFor();
    await context.close();
  });
});
