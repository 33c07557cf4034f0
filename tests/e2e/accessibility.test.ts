import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { type Harness, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const pages = [
  ["home", "/en/"],
  ["category", "/de/categories/billing/"],
  ["article", "/it/articles/check-service-health/"],
  ["fallback article", "/zh-cn/articles/faq-accounts-and-sign-in/"],
  ["FAQ", "/zh-cn/faq/"],
  ["search with results", "/en/search/?q=invoice"],
  ["contact", "/de/contact/"],
  ["status", "/it/status/"],
  ["tracking", "/zh-cn/track/"],
];

describe("accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    it.each(pages)(
      `finds no serious or critical axe violation on the %s page in ${scheme} mode`,
      async (_, path) => {
        const page = await harness.browser.newPage({ colorScheme: scheme });
        await page.goto(`${harness.server.url}${path}`);
        await page.waitForLoadState("networkidle");
        const serious = await seriousViolations(page);
        expect(serious).toEqual([]);
        await page.close();
      },
    );
  }

  it("has no horizontal scrolling at 360 px on any checked page", async () => {
    const page = await harness.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const [, path] of pages) {
      await page.goto(`${harness.server.url}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});
