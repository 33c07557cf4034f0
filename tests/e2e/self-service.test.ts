import { createIncident, openDatabase, resolveIncident, schema } from "@frontline/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await harness.browser.newPage();
  await page.goto(`${harness.server.url}${path}`);
  return page;
}

/** Article titles in the result list (each result may also link sections of its article). */
const resultTitles = (page: Page) =>
  page
    .locator(".search-result-title .search-result-link")
    .allTextContents()
    .then((titles) => titles.map((t) => t.trim()));

/** Waits for the search page to show the answer to its latest search; returns the count. */
async function searchOutcome(page: Page): Promise<number> {
  const done = page.locator('[data-search-page][data-state="done"]');
  await done.waitFor();
  return Number(await done.getAttribute("data-count"));
}

describe("reading articles in several languages", () => {
  it("switches an article to German and back with the language switcher", async () => {
    const page = await open("/en/articles/check-service-health/");
    await page.click('.lang-switch a[hreflang="de"]');
    await page.waitForURL(/\/de\/articles\/check-service-health\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("de");
    await page.click('.lang-switch a[hreflang="en"]');
    await page.waitForURL(/\/en\/articles\/check-service-health\/$/);
    await page.close();
  });

  it("tells German readers the page was machine translated and links the original", async () => {
    const page = await open("/de/articles/check-service-health/");
    const notice = page.locator("#machine-translation-notice");
    expect(await notice.textContent()).toContain("maschinell");
    await notice.locator("a").click();
    await page.waitForURL(/\/en\/articles\/check-service-health\/$/);
    expect(await page.locator("#machine-translation-notice").count()).toBe(0);
    await page.close();
  });

  it("shows an untranslated article in English with a notice in the reader's language, kept out of search engines", async () => {
    const page = await open("/it/articles/faq-accounts-and-sign-in/");
    expect(await page.locator("#fallback-notice").textContent()).toContain(
      "non è ancora disponibile in italiano",
    );
    expect(await page.getAttribute("article", "lang")).toBe("en");
    expect(await page.getAttribute('meta[name="robots"]', "content")).toBe("noindex");
    expect(await page.locator("article[data-pagefind-body]").count()).toBe(0);
    // The switcher offers the languages the article really exists in.
    expect(await page.getAttribute('.lang-switch a[hreflang="de"]', "data-translated")).toBe(
      "true",
    );
    expect(await page.getAttribute('.lang-switch a[hreflang="zh-cn"]', "data-translated")).toBe(
      "false",
    );
    await page.close();
  });

  it("lists only real translations as hreflang alternates", async () => {
    const page = await open("/en/articles/faq-accounts-and-sign-in/");
    const hreflangs = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("hreflang")));
    expect(hreflangs.sort()).toEqual(["de", "en", "x-default"]);
    await page.close();
  });

  it("answers an unknown address with the 404 page in the reader's language", async () => {
    const page = await harness.browser.newPage();
    const response = await page.goto(`${harness.server.url}/de/gibt-es-nicht/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Seite nicht gefunden");
    await page.close();
  });
});

describe("searching", () => {
  it("finds a German article by a German word, narrowed by a filter", async () => {
    const page = await open("/de/search/?q=Dienststatus");
    const unfiltered = await searchOutcome(page);
    await page.locator(".search-filter-name", { hasText: "Art" }).click();
    await page.getByRole("checkbox", { name: /^Anleitung/ }).check();
    // The filtered answer is a smaller, non-empty one.
    await page.waitForFunction((count) => {
      const root = document.querySelector<HTMLElement>("[data-search-page]");
      const shown = Number(root?.dataset.count);
      return root?.dataset.state === "done" && shown > 0 && shown < count;
    }, unfiltered);
    const filtered = await resultTitles(page);
    expect(filtered).toContain("Dienststatus prüfen, bevor Sie eine Anfrage stellen");
    // The live region says how many articles are left.
    const count = await searchOutcome(page);
    expect(await page.locator('[data-search-status][role="status"]').textContent()).toBe(
      `${count} ${count === 1 ? "Ergebnis" : "Ergebnisse"} für „Dienststatus“`,
    );
    await page.close();
  });

  it("loads the search index only once the reader starts a search", async () => {
    const page = await harness.browser.newPage();
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/pagefind/")) fetched.push(request.url());
    });
    await page.goto(`${harness.server.url}/en/search/`);
    await page.waitForLoadState("networkidle");
    expect(fetched).toEqual([]);
    const script = page.waitForRequest((request) =>
      request.url().endsWith("/pagefind/pagefind.js"),
    );
    await page.getByRole("searchbox", { name: "Search articles" }).focus();
    await script;
    // Only the search API: Pagefind's ready-made UI and its styles stay on the server.
    expect(fetched.some((url) => /pagefind-ui/.test(url))).toBe(false);
    await page.close();
  });

  it("finds a Chinese article by a Chinese word", async () => {
    const page = await open(`/zh-cn/search/?q=${encodeURIComponent("服务运行状况")}`);
    const first = page.locator(".search-result-title .search-result-link").first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/zh-cn\/articles\/[a-z0-9-]+\/$/);
    expect(await page.locator("article").textContent()).toContain("服务运行状况");
    await page.close();
  });

  it("keeps the query in the address so a search can be shared", async () => {
    const page = await open("/en/search/");
    await page.getByRole("searchbox", { name: "Search articles" }).fill("invoice");
    await page.waitForURL(/\?q=invoice$/);
    await page.locator(".search-result-link").first().waitFor();
    await page.close();
  });

  it("jumps to search with / and moves through results with the arrow keys", async () => {
    const page = await open("/en/search/?q=severity");
    await page.locator(".search-result-link").nth(1).waitFor();
    await page.locator("h1").click();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-page-input");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const second = await page.locator(".search-result-link").nth(1).getAttribute("href");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(second);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname + url.hash === second);
    await page.close();
  });

  it("shows five results at a time and the next five on request", async () => {
    const page = await open("/en/search/?q=password");
    expect(await searchOutcome(page)).toBeGreaterThan(5);
    expect(await resultTitles(page)).toHaveLength(5);
    await page.getByRole("button", { name: "Show more results" }).click();
    await page.locator(".search-result").nth(9).waitFor();
    // The reader continues at the first of the new results.
    const sixth = page.locator(".search-result").nth(5).locator("a").first();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(
      await sixth.getAttribute("href"),
    );
    await page.close();
  });

  it("says when nothing matches and offers the contact form", async () => {
    const page = await open("/en/search/?q=xylophonequartz");
    await page.locator("[data-no-results]").filter({ hasText: "xylophonequartz" }).waitFor();
    expect(await page.locator("[data-search-contact] a").getAttribute("href")).toBe("/en/contact/");
    await page.close();
  });

  it("focuses the header search with / on an article", async () => {
    const page = await open("/en/articles/check-service-health/");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-header");
    await page.keyboard.type("password");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/search\/\?q=password$/);
    await page.close();
  });
});

describe("the FAQ and feedback", () => {
  it("opens an answer in the FAQ accordion and publishes FAQPage data", async () => {
    const page = await open("/en/faq/");
    const item = page.locator(".faq-item").first();
    expect(await item.locator(".faq-answer").isVisible()).toBe(false);
    await item.locator("summary").click();
    expect(await item.locator(".faq-answer").isVisible()).toBe(true);
    const data = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
    );
    expect(data["@type"]).toBe("FAQPage");
    expect(data.mainEntity.length).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it("stores a vote and its comment from an article", async () => {
    const page = await open("/de/articles/check-service-health/");
    await page.click('[data-vote="no"]');
    await page.locator("[data-result]").filter({ hasText: "Vielen Dank" }).waitFor();
    await page.fill("#feedback-comment-text", "Ein Screenshot der Statusseite würde helfen.");
    await page.click(".feedback-comment button[type=submit]");
    await page.locator("[data-comment]").waitFor({ state: "hidden" });
    const database = openDatabase(harness.databasePath);
    const rows = await database.db.select().from(schema.articleFeedback);
    database.close();
    expect(rows.map((r) => [r.article, r.locale, r.helpful, r.comment])).toEqual([
      ["check-service-health", "de", false, "Ein Screenshot der Statusseite würde helfen."],
    ]);
    await page.close();
  });
});

describe("service health in the help center", () => {
  it("shows a live incident in the home page banner and on the status page", async () => {
    const database = openDatabase(harness.databasePath);
    const incident = await createIncident(
      database.db,
      {
        service: "meetings",
        impact: "outage",
        status: "investigating",
        message: {
          en: "Online meetings cannot be joined.",
          de: "Onlinebesprechungen können nicht betreten werden.",
        },
        startedAt: new Date(),
      },
      new Date(),
    );
    const page = await open("/de/");
    await page.locator("[data-status-banner][data-state=incidents]").waitFor();
    expect(await page.locator("[data-status-incidents]").textContent()).toContain(
      "Chat und Onlinebesprechungen: Onlinebesprechungen können nicht betreten werden.",
    );
    await page.goto(`${harness.server.url}/de/status/`);
    await page.locator("[data-status-source][data-source=live]").waitFor();
    expect(await page.locator('[data-service="meetings"] td').textContent()).toBe("Ausfall");
    expect(await page.locator('[data-service="mail"] td').textContent()).toBe("Betriebsbereit");

    // The reader keeps the page open; the incident ends, and the page says so within seconds.
    await resolveIncident(database.db, incident.id, new Date());
    database.close();
    await page
      .locator('[data-service="meetings"] td')
      .filter({ hasText: "Betriebsbereit" })
      .waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-incidents] li").count()).toBe(0);
    await page.close();
  });

  it("keeps the static message and says so when the API cannot be reached", async () => {
    const page = await harness.browser.newPage();
    await page.route("**/api/v1/service-health**", (route) => route.abort("connectionrefused"));
    await page.goto(`${harness.server.url}/en/status/`);
    await page.waitForLoadState("networkidle");
    expect(await page.getAttribute("[data-status-source]", "data-source")).toBe("static");
    expect(await page.locator("[data-status-source]").textContent()).toContain(
      "could not be loaded",
    );
    expect(await page.locator('[data-service="mail"] td').textContent()).toBe("Unknown");
    await page.goto(`${harness.server.url}/en/`);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("[data-status-message]").textContent()).toContain("cannot be loaded");
    await page.close();
  });
});
