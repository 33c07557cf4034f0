import { categories, defaultServices, label, platforms } from "@frontline/core";
import type { SiteLocale } from "../i18n/locales.ts";

/** Catalogue labels by id; an unknown id (which the content check refuses) shows as itself. */
export const serviceLabel = (id: string, locale: SiteLocale) => {
  const service = defaultServices.find((s) => s.id === id);
  return service ? label(service.label, locale) : id;
};

export const platformLabel = (id: string, locale: SiteLocale) => {
  const platform = platforms.find((p) => p.id === id);
  return platform ? label(platform.label, locale) : id;
};

export const categoryLabel = (id: string, locale: SiteLocale) => {
  const category = categories.find((c) => c.id === id);
  return category ? label(category.label, locale) : id;
};
