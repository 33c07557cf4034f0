import type { Locale } from "@frontline/core";
import { de } from "./strings/de.ts";
import { en, type UiKey, type UiStrings } from "./strings/en.ts";
import { it } from "./strings/it.ts";
import { zhCn } from "./strings/zh-cn.ts";

export type { UiKey, UiStrings };

export const ui: Readonly<Record<Locale, UiStrings>> = { en, de, it, "zh-cn": zhCn };

export type UiParams = Readonly<Record<string, string | number>>;

/** Looks a string up and fills its {placeholders}. */
export function t(locale: Locale, key: UiKey, params: UiParams = {}): string {
  const text = ui[locale][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The whole dictionary of one locale, for client scripts. */
export function strings(locale: Locale): UiStrings {
  return ui[locale];
}

/** "1 article" / "3 articles", using the locale's plural rules. */
export function countArticles(locale: Locale, count: number): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return t(locale, rule === "one" ? "home.count.one" : "home.count.other", {
    count: count.toLocaleString(locale),
  });
}

/** What the file chooser and the files of a timeline say (scripts/file-picker.ts), for the pages that have them. */
export const fileKeys = [
  "files.uploading",
  "files.ready",
  "files.remove",
  "files.tooLarge",
  "files.typeRefused",
  "files.typeMismatch",
  "files.failed",
  "files.tooMany",
  "files.totalTooLarge",
  "files.requestFull",
  "files.expired",
  "files.removeFailed",
  "files.download",
  "files.downloadFailed",
  "contact.attachments",
] as const satisfies readonly UiKey[];
