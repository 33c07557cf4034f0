import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mdxComponentNames } from "../src/components/mdx/names.ts";
import { checkContent, formatIssue } from "../src/content-check/checks.ts";
import { sitePages } from "../src/content-check/site-pages.ts";
import { parseArticle, readContentDir } from "../src/content-check/source.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function check(name: string) {
  const { articles, strayFiles } = readContentDir(fixture(name));
  return checkContent(articles, { strayFiles }).map(formatIssue);
}

describe("the content check", () => {
  it("passes valid content, warning only that a translation is older than its original", () => {
    expect(check("valid")).toEqual([
      "valid/de/reset-a-password.mdx:15: warning: translatedFrom: Out of date: translated from 2026-10-20, the English original was updated 2026-11-01",
    ]);
  });

  it("reports every mistake in the broken fixture with file, line and field", () => {
    expect(check("broken")).toEqual([
      "broken/en/notes.txt:1: error: Only .mdx articles belong in a language folder",
      "broken/de/orphan.mdx:1: error: A translation needs its English original: content/en/orphan.mdx does not exist",
      "broken/de/reset-a-password.mdx:1: error: translation: Missing field",
      "broken/de/reset-a-password.mdx:10: error: translatedFrom: 2026-12-24 is later than the English original's updated date 2026-11-01",
      "broken/en/bad-front-matter.mdx:3: error: description: Too small: expected string to have >=20 characters",
      'broken/en/bad-front-matter.mdx:4: error: type: Invalid option: expected one of "how-to"|"troubleshooting"|"concept"|"faq"',
      'broken/en/bad-front-matter.mdx:5: error: category: Invalid option: expected one of "account-setup"|"billing"|"how-to"|"updates"|"configuration"|"connectivity"|"performance"',
      'broken/en/bad-front-matter.mdx:6: error: services: services.0: Invalid option: expected one of "mail"|"files"|"meetings"|"office-apps"|"identity"|"virtual-machines"|"storage"|"partner-portal"',
      "broken/en/bad-front-matter.mdx:14: error: priority: Unknown field",
      'broken/en/bad-front-matter.mdx:12: error: related: There is no article "no-such-article"',
      'broken/en/bad-front-matter.mdx:17: error: Broken link /en/articles/does-not-exist/: there is no article "does-not-exist"',
      'broken/en/bad-front-matter.mdx:17: error: Broken link /en/articles/reset-a-password/#nowhere: "reset-a-password" has no heading #nowhere',
      "broken/en/bad-front-matter.mdx:19: error: Unknown component <Sparkle>; use one of AppliesTo, FaqItem, Important, Note, Steps, Tip, UiPath, Warning",
      "broken/en/bad-syntax.mdx:14: error: MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{` (mdx-jsx:unexpected-character)",
      'broken/en/reset-a-password.mdx:12: error: related: There is no article "sign-in-faq"',
      'broken/en/reset-a-password.mdx:18: error: Broken link /en/articles/sign-in-faq/#faq-can-i-reset-my-own-password: there is no article "sign-in-faq"',
      'broken/fr/reset-a-password.mdx:1: error: "fr" is not a language of the help center',
    ]);
  });

  it("fails the build step with exit code 1 and prints file:line for each error", async () => {
    const script = fileURLToPath(new URL("../scripts/check-content.ts", import.meta.url));
    const run = promisify(execFile)("tsx", [script, fixture("broken")], { env: process.env });
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      "broken/en/bad-front-matter.mdx:5: error: category: Invalid option",
    );
    expect(failure?.stderr).toMatch(/Checked 6 articles in .*broken: 17 errors, 0 warnings\./);
  });
});

/** A valid English article whose body starts on line 12 of the file. */
function article(body: string) {
  const text = `---
title: Example
description: An article made up for the test.
type: concept
category: how-to
appliesTo:
  - global-cloud
updated: 2026-11-01
author: Test
---

${body}
`;
  return parseArticle("content/en/example.mdx", text, "en", "example");
}

describe("the lists the content check reads from the site", () => {
  afterEach(() => {
    vi.doUnmock("../src/components/mdx/names.ts");
    vi.resetModules();
  });

  it("accepts every component the components module lists", () => {
    const body = mdxComponentNames.map((name) => `<${name} />`).join("\n\n");
    expect(checkContent([article(body)])).toEqual([]);
  });

  it("accepts a component once the components module lists it, and refuses an unknown one with file:line", async () => {
    vi.resetModules();
    vi.doMock("../src/components/mdx/names.ts", () => ({
      mdxComponentNames: [...mdxComponentNames, "Sparkle"],
    }));
    const fresh = await import("../src/content-check/checks.ts");
    const issues = fresh.checkContent([article("<Sparkle />\n\n<Glitter />")]);
    expect(issues.map(fresh.formatIssue)).toEqual([
      `content/en/example.mdx:14: error: Unknown component <Glitter>; use one of ${[...mdxComponentNames, "Sparkle"].join(", ")}`,
    ]);
  });

  it("takes the linkable pages from src/pages/[locale], leaving out 404", () => {
    expect([...sitePages()].sort()).toEqual(["", "contact", "faq", "search", "status", "track"]);
  });

  it("accepts a link to each of those pages and refuses any other", () => {
    const links = [...sitePages(), "404", "nowhere"].map((page) =>
      page ? `[${page}](/de/${page}/)` : "[home](/de/)",
    );
    expect(checkContent([article(links.join("\n\n"))]).map(formatIssue)).toEqual([
      "content/en/example.mdx:24: error: Broken link /de/404/: there is no such page",
      "content/en/example.mdx:26: error: Broken link /de/nowhere/: there is no such page",
    ]);
  });
});
