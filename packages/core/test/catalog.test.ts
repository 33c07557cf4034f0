import { describe, expect, it } from "vitest";
import {
  categories,
  defaultServices,
  locales,
  negotiateLocale,
  publicCatalog,
  severities,
  statusLabels,
} from "../src/index.ts";

describe("the catalogue", () => {
  it("has the seven request categories of the partner agreement", () => {
    expect(categories.map((c) => c.id)).toEqual([
      "account-setup",
      "billing",
      "how-to",
      "updates",
      "configuration",
      "connectivity",
      "performance",
    ]);
  });

  it("labels every category, service, severity and status in all four locales", () => {
    const texts = [
      ...categories.map((c) => c.label),
      ...defaultServices.map((s) => s.label),
      ...severities.flatMap((s) => [s.label, s.meaning]),
      ...Object.values(statusLabels),
    ];
    for (const text of texts) {
      for (const locale of locales) expect(text[locale].trim()).not.toBe("");
    }
  });

  it("answers in German with first-response targets per severity", () => {
    const catalog = publicCatalog("de");
    expect(catalog.categories[1]).toEqual({ id: "billing", label: "Konten und Abrechnung" });
    expect(catalog.severities.map((s) => [s.id, s.firstResponseMinutes])).toEqual([
      ["A", 60],
      ["B", 240],
      ["C", 480],
    ]);
  });
});

describe("locale negotiation", () => {
  it.each([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["it-IT", "it"],
    ["zh-CN,zh;q=0.9", "zh-cn"],
    ["zh-Hans", "zh-cn"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr;q=1, de;q=0.5", "de"],
    ["en;q=0.2, it;q=0.8", "it"],
    ["", "en"],
  ])("reads %j as %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
