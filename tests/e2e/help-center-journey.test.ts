import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillContactForm } from "./contact-form.ts";
import { type Harness, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe("a customer in the help center", () => {
  it("is sent to the help center in their browser's language", async () => {
    const context = await harness.browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}/`);
    expect(new URL(page.url()).pathname).toBe("/de/");
    expect(await page.getAttribute("html", "lang")).toBe("de");
    await context.close();
  });

  it("searches a word from an article and opens the hit", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/en/`);
    await page.fill("#search-hero", "tracking");
    await page.press("#search-hero", "Enter");
    await page.waitForURL(/\/en\/search\/\?q=tracking$/);
    const hit = page.locator(".search-result-title .search-result-link").first();
    await hit.waitFor();
    const title = (await hit.textContent())?.trim();
    await hit.click();
    await page.waitForURL(/\/en\/articles\/[a-z0-9-]+\/?$/);
    expect((await page.locator("h1").first().textContent())?.trim()).toBe(title);
    await page.close();
  });

  it("files a request from the contact form and reads it back with its token", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/en/contact/`);
    await fillContactForm(page, {
      service: "mail",
      subject: "Outlook asks for the password again and again",
    });
    await page.click("#contact-form button[type=submit]");

    const reference = page.locator("#confirmation [data-reference]");
    await reference.waitFor();
    const number = (await reference.textContent())?.trim() ?? "";
    const token =
      (await page.locator("#confirmation [data-tracking-token]").textContent())?.trim() ?? "";
    expect(number).toMatch(/^SR-\d{4}-\d{6}$/);

    const response = await fetch(`${harness.server.url}/api/v1/requests/${number}`, {
      headers: { "X-Tracking-Token": token },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      number,
      status: "new",
      subject: "Outlook asks for the password again and again",
      service: "mail",
    });
    await page.close();
  });

  it("shows field errors next to the fields and keeps what was typed", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/en/contact/`);
    await page.fill("input[name=subject]", "Hi");
    await page.fill("input[name=email]", "not-an-email");
    await page.click("#contact-form button[type=submit]");
    await page.locator("#error-subject").filter({ hasText: /\S/ }).waitFor();
    expect(await page.locator("input[name=subject]").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#error-email").textContent()).not.toBe("");
    expect(await page.inputValue("input[name=subject]")).toBe("Hi");
    expect(await page.locator("#confirmation").isVisible()).toBe(false);
    await page.close();
  });

  it("counts the characters in the page's language and refuses over-long text instead of cutting it", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/de/contact/`);
    const counter = page.locator("#counter-description");
    expect(await counter.textContent()).toContain("0 von 10.000 Zeichen");
    const tooLong = "x".repeat(10_003);
    await page.fill("textarea[name=description]", tooLong);
    await counter.filter({ hasText: "3 Zeichen zu viel" }).waitFor();
    // Nothing is cut: the whole text stays, and sending it is refused with the limit.
    expect((await page.inputValue("textarea[name=description]")).length).toBe(10_003);
    await page.click("#contact-form button[type=submit]");
    await page
      .locator("#error-description")
      .filter({ hasText: "höchstens 10.000 Zeichen" })
      .waitFor();
    expect(await page.locator("#confirmation").isVisible()).toBe(false);
    await page.close();
  });
});
