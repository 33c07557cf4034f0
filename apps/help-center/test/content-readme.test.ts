import { readFileSync } from "node:fs";
import { articleTypes, categoryIds, defaultServices, platformIds } from "@frontline/core";
import { describe, expect, it } from "vitest";
import { mdxComponentNames } from "../src/components/mdx/names.ts";

/**
 * The authors' guide lists the allowed values by hand (Markdown cannot import
 * them); this keeps it from drifting from the lists the check enforces.
 */
const guide = readFileSync(new URL("../../../content/README.md", import.meta.url), "utf8");
const row = (field: string) =>
  guide.split("\n").find((line) => line.startsWith(`| \`${field}\` |`));
const codes = (line: string | undefined) =>
  [...(line ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]).slice(1);

describe("the authors' guide in content/README.md", () => {
  it.each([
    ["type", articleTypes],
    ["category", categoryIds],
    ["services", defaultServices.map((s) => s.id)],
    ["appliesTo", platformIds],
  ])("lists exactly the %s values the content check accepts", (field, values) => {
    expect(codes(row(field))).toEqual([...values]);
  });

  it("shows every component an article may use", () => {
    for (const name of mdxComponentNames) expect(guide).toContain(`<${name}`);
  });
});
