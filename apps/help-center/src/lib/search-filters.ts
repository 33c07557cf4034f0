import {
  type ArticleFrontMatter,
  articleTypeLabels,
  articleTypes,
  categories,
  defaultServices,
  type Localized,
  label,
  platforms,
} from "@frontline/core";
import type { SiteLocale } from "../i18n/locales.ts";
import { t } from "../i18n/ui.ts";

type Filtered = Pick<ArticleFrontMatter, "type" | "category" | "services" | "appliesTo">;

interface Filter {
  /** The ids an article is filed under, written into the index. */
  readonly of: (data: Filtered) => readonly string[];
  /** Every id the search page offers, in catalogue order. */
  readonly choices: readonly { readonly id: string; readonly label: Localized }[];
}

/**
 * The search filters, one table for both ends: article pages write their
 * values under these keys (data-pagefind-filter="service:mail") and the
 * search page offers the same keys, so a filter in the index is always one a
 * reader can pick. Values are catalogue ids; labels are looked up in the
 * reader's language, so the index does not change when a label does.
 */
const filters = {
  type: {
    of: (data) => [data.type],
    choices: articleTypes.map((id) => ({ id, label: articleTypeLabels[id] })),
  },
  category: { of: (data) => [data.category], choices: categories },
  service: { of: (data) => data.services, choices: defaultServices },
  appliesTo: { of: (data) => data.appliesTo, choices: platforms },
} satisfies Record<string, Filter>;

export type SearchFilterKey = keyof typeof filters;
const keys = Object.keys(filters) as SearchFilterKey[];

/** An article's filter values, for data-pagefind-filter. */
export function articleFilters(data: Filtered): [SearchFilterKey, readonly string[]][] {
  return keys.map((key) => [key, filters[key].of(data)]);
}

/** The filter groups of the search page, named and labelled in `locale`. */
export function filterGroups(locale: SiteLocale) {
  return keys.map((key) => ({
    key,
    name: t(locale, `search.filter.${key}`),
    values: filters[key].choices.map((c) => ({ id: c.id, label: label(c.label, locale) })),
  }));
}
