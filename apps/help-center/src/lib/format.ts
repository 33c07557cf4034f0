import type { Locale } from "@frontline/core";

/** A calendar day in the reader's language; content dates are UTC days. */
export function formatDay(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 60 → "1 hour", 240 → "4 Stunden", 30 → "30 minutes". */
export function formatDuration(minutes: number, locale: Locale): string {
  const inHours = minutes >= 60 && minutes % 60 === 0;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: inHours ? "hour" : "minute",
    unitDisplay: "long",
  }).format(inHours ? minutes / 60 : minutes);
}
