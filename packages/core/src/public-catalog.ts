import { categories, defaultServices, label, type Service, severities } from "./catalog.ts";
import type { Locale } from "./locales.ts";
import { defaultPartnerPolicy, type SlaPolicy } from "./sla.ts";

export interface PublicCatalog {
  categories: { id: string; label: string }[];
  services: { id: string; label: string }[];
  severities: { id: string; label: string; meaning: string; firstResponseMinutes: number }[];
}

/** The catalogue as the form and `GET /api/v1/catalog` show it, in one locale. */
export function publicCatalog(
  locale: Locale,
  services: readonly Service[] = defaultServices,
  policy: SlaPolicy = defaultPartnerPolicy,
): PublicCatalog {
  return {
    categories: categories.map((c) => ({ id: c.id, label: label(c.label, locale) })),
    services: services.map((s) => ({ id: s.id, label: label(s.label, locale) })),
    severities: severities.map((s) => ({
      id: s.id,
      label: label(s.label, locale),
      meaning: label(s.meaning, locale),
      firstResponseMinutes: policy[s.id].firstResponseMinutes,
    })),
  };
}
