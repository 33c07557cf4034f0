import { describe, expect, it } from "vitest";
import { localeAlias, locales, localeTags } from "../src/index.ts";

describe("locale tags", () => {
  it("gives every locale its BCP 47 tag in canonical case", () => {
    expect(localeTags).toEqual({ en: "en", de: "de", it: "it", "zh-cn": "zh-CN" });
  });

  it("names the same language as the lower-case code it comes from", () => {
    for (const locale of locales) expect(localeTags[locale].toLowerCase()).toBe(locale);
  });
});

describe("locale aliases", () => {
  it.each([
    ["zh", "zh-cn"],
    ["zh-Hans", "zh-cn"],
    ["zh-hans-cn", "zh-cn"],
    ["zh-SG", "zh-cn"],
  ])("reads %s as %s", (tag, expected) => {
    expect(localeAlias(tag)).toBe(expected);
  });

  it.each(["zh-TW", "zh-Hant", "de", "fr"])("leaves %s alone", (tag) => {
    expect(localeAlias(tag)).toBeUndefined();
  });
});
