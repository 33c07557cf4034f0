import { createIncident, getRequestByNumber, schema } from "@frontline/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillContactForm } from "./contact-form.ts";
import { fileByApi, withDatabase as withDatabaseAt } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const withDatabase = <T>(work: Parameters<typeof withDatabaseAt<T>>[1]) =>
  withDatabaseAt(harness.databasePath, work);

describe("a customer who cannot find an answer", () => {
  it("searches in vain, declines the suggestions, files a request, follows it and replies", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/en/search/?q=flibbertigibbet`);
    await page.locator("[data-no-results]").filter({ hasText: "flibbertigibbet" }).waitFor();
    await page.click("[data-search-contact] a");
    await page.waitForURL(/\/en\/contact\/$/);

    await fillContactForm(page, {
      service: "identity",
      subject: "Password prompt keeps coming back",
    });
    const suggestions = page.locator("[data-suggestions] li");
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBeLessThanOrEqual(5);
    const suggestedSlugs = await suggestions.evaluateAll((items) =>
      items.map((i) => (i as HTMLElement).dataset.slug),
    );
    // The customer reads the first suggestion in a new tab, then comes back: it did not help.
    const [article] = await Promise.all([
      page.context().waitForEvent("page"),
      suggestions.first().locator("a").click(),
    ]);
    await article.waitForLoadState();
    expect(new URL(article.url()).pathname).toBe(`/en/articles/${suggestedSlugs[0]}/`);
    await article.close();
    await page.click("[data-decline]");
    expect(await page.locator("[data-suggestions]").isVisible()).toBe(false);

    await page.click("#contact-form button[type=submit]");
    const reference = page.locator("#confirmation [data-reference]");
    await reference.waitFor();
    const number = (await reference.textContent()) ?? "";
    const stored = await withDatabase((db) => getRequestByNumber(db, number));
    expect(stored?.openedArticles).toEqual([suggestedSlugs[0]]);
    expect(stored?.suggestedArticles).toEqual(expect.arrayContaining(suggestedSlugs as string[]));

    const link = await page.getAttribute("[data-tracking-link]", "href");
    expect(link).toMatch(new RegExp(`^/en/track/#${number}:[A-Za-z0-9_-]{32}$`));
    await page.click("[data-tracking-link]");
    await page.locator("[data-request]").waitFor();
    expect(await page.locator("[data-status]").textContent()).toBe("Received");
    expect(await page.locator("[data-timeline] li").count()).toBe(1);

    // An over-long reply is kept whole and refused with the limit, not cut.
    await page.fill("#reply-body", "y".repeat(10_001));
    await page.locator("#counter-reply-body").filter({ hasText: "1 over the limit" }).waitFor();
    await page.click("[data-reply] button[type=submit]");
    await page
      .locator("#error-reply")
      .filter({ hasText: "no more than 10,000 characters" })
      .waitFor();
    expect((await page.inputValue("#reply-body")).length).toBe(10_001);

    await page.fill("#reply-body", "It also happens in the browser version.");
    await page.click("[data-reply] button[type=submit]");
    await page.locator("[data-timeline] li").nth(1).waitFor();
    expect(await page.locator("[data-timeline] li").nth(1).textContent()).toContain(
      "It also happens in the browser version.",
    );
    await page.locator("[data-action-result]").filter({ hasText: "Your reply is sent." }).waitFor();

    await page.click('[data-move="resolved"]');
    await page.locator("[data-status]").filter({ hasText: "Resolved" }).waitFor();
    expect(await page.locator('[data-move="open"]').isVisible()).toBe(true);

    // A second request's link pasted into the same tab shows that request, without a reload.
    const second = await fileByApi(harness.server.url, "Calendar invitations arrive twice");
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `${second.number}:${second.token}`);
    await page.locator("[data-number]").filter({ hasText: second.number }).waitFor();
    expect(await page.locator("[data-status]").textContent()).toBe("Received");
    await page.close();
  });

  it("reads a German request on the English tracking page all in English, status and timeline alike", async () => {
    const response = await fetch(`${harness.server.url}/api/v1/requests`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        locale: "de",
        category: "connectivity",
        service: "mail",
        severity: "B",
        subject: "Outlook fragt ständig nach dem Kennwort",
        description:
          "Seit heute früh fragt Outlook auf drei Rechnern alle paar Minuten nach dem Kennwort.",
        organisation: "contoso.example",
        name: "Jürgen Weiß",
        email: "juergen@contoso.example",
      }),
    });
    const filed = (await response.json()) as { number: string; trackingToken: string };
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/en/track/#${filed.number}:${filed.trackingToken}`);
    await page.locator("[data-request]").waitFor();
    expect(await page.locator("[data-status]").textContent()).toBe("Received");
    expect(await page.locator("[data-timeline] li").first().textContent()).toContain(
      "Request filed",
    );
    // What the customer wrote stays as written.
    expect(await page.locator("[data-timeline] li").first().textContent()).toContain(
      "Seit heute früh",
    );
    await page.close();
  });

  it("finds the answer among the suggestions, and nothing is filed", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/de/contact/`);
    const before = await withDatabase((db) => db.$count(schema.requests));
    await page.fill("#subject", "Kennwort wird ständig abgefragt");
    const first = page.locator("[data-suggestions] li").first();
    await first.waitFor();
    const slug = await first.getAttribute("data-slug");
    await first.locator("[data-solved]").click();
    await page.locator("[data-deflected]").waitFor();
    expect(await page.locator("#contact-form").isVisible()).toBe(false);
    const deflections = await withDatabase((db) => db.select().from(schema.deflections));
    expect(deflections.map((d) => [d.locale, d.article, d.query])).toContainEqual([
      "de",
      slug,
      "Kennwort wird ständig abgefragt",
    ]);
    expect(await withDatabase((db) => db.$count(schema.requests))).toBe(before);
    await page.close();
  });

  it("is told about a known incident, can follow it, and a request filed anyway is linked to it", async () => {
    const incident = await withDatabase((db) =>
      createIncident(
        db,
        {
          service: "identity",
          impact: "degraded",
          status: "identified",
          message: {
            en: "Some sign-ins ask for the password repeatedly.",
            it: "Alcuni accessi richiedono ripetutamente la password.",
          },
          startedAt: new Date(),
        },
        new Date(),
      ),
    );
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/it/contact/`);
    await page.selectOption("#service", "identity");
    const warning = page.locator("[data-incident-warning]");
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      "Alcuni accessi richiedono ripetutamente la password.",
    );

    await page.click("[data-follow-incident]");
    await page.waitForURL(/\/it\/status\/$/);
    await page.locator('[data-service="identity"] td[data-state="degraded"]').waitFor();

    await page.goBack();
    await page.selectOption("#service", "identity");
    await warning.waitFor();
    await page.click("[data-file-anyway]");
    await fillContactForm(page, {
      service: "identity",
      subject: "Accesso richiede la password di continuo",
    });
    await page.click("#contact-form button[type=submit]");
    const reference = page.locator("#confirmation [data-reference]");
    await reference.filter({ hasText: /^SR-/ }).waitFor();
    const number = (await reference.textContent()) ?? "";
    expect(number).toMatch(/^SR-/);
    expect((await withDatabase((db) => getRequestByNumber(db, number)))?.incidentId).toBe(
      incident.id,
    );
    await page.close();
  });

  it("files once when the answer to the first submit is lost and the customer sends again", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/en/contact/`);
    await fillContactForm(page, { service: "identity", subject: "Answer lost on a flaky network" });
    const before = await withDatabase((db) => db.$count(schema.requests));
    // The server files the request, but its answer never reaches the browser.
    await page.route("**/api/v1/requests", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.click("#contact-form button[type=submit]");
    await page.locator("#form-summary").filter({ hasText: "could not reach" }).waitFor();
    await page.unroute("**/api/v1/requests");
    await page.click("#contact-form button[type=submit]");
    await page.locator("#confirmation [data-reference]").waitFor();
    expect(await withDatabase((db) => db.$count(schema.requests))).toBe(before + 1);
    await page.close();
  });
});
