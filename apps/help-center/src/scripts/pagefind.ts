/**
 * The part of Pagefind's browser API (pagefind.js, not its UI) that the
 * search page and the contact form's suggestions use. Pagefind runs the
 * search itself in a web worker; the page only asks and renders.
 */
export interface PagefindSubResult {
  readonly title: string;
  readonly url: string;
  readonly excerpt: string;
}

export interface PagefindHit {
  readonly url: string;
  /** HTML-escaped text with the matches in <mark>. */
  readonly excerpt: string;
  readonly meta: { readonly title?: string };
  readonly sub_results?: readonly PagefindSubResult[];
}

export interface PagefindResult {
  readonly id: string;
  data(): Promise<PagefindHit>;
}

/** Counts per filter key and value, e.g. { type: { "how-to": 12 } }. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  readonly results: readonly PagefindResult[];
  /** Present once `filters()` has loaded the filter index: results if a value were added. */
  readonly filters?: FilterCounts;
}

export interface Pagefind {
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: object }): Promise<PagefindSearch>;
  debouncedSearch(
    term: string,
    options?: { filters?: object },
    ms?: number,
  ): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

/**
 * Loads the search index of the page's language (Pagefind picks it from
 * <html lang>). Null when there is none, as on `astro dev`, or offline.
 */
export async function loadPagefind(): Promise<Pagefind | null> {
  try {
    // A runtime URL: the bundle is written by `pagefind` after Astro's build.
    const url = "/pagefind/pagefind.js";
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.init();
    return pagefind;
  } catch {
    return null;
  }
}
