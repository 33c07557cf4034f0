/**
 * Renders Pagefind's answers into the search page's own markup: the result
 * list (a page of results at a time, each loading only its own fragment),
 * the count in a live region, the "nothing found" notice, and the numbers
 * beside the filters. Only text and Pagefind's <mark> ever reach the DOM.
 */
import type { FilterCounts, PagefindHit, PagefindResult } from "./pagefind.ts";

/** Results shown at once; each costs one fragment request (about 2 kB). */
export const pageSize = 5;
/** Sections of one article shown under its title. */
const maxSections = 3;

/** "{count} results for “{query}”", and "{count} articles" for filters without words. */
export interface SearchTexts {
  readonly one: string;
  readonly other: string;
  readonly oneArticle: string;
  readonly otherArticles: string;
}

/** Fills "{count}" and "{query}" in the plural form the locale asks for. */
export function countText(locale: string, texts: SearchTexts, count: number, query: string) {
  const one = new Intl.PluralRules(locale).select(count) === "one";
  const form = query
    ? one
      ? texts.one
      : texts.other
    : one
      ? texts.oneArticle
      : texts.otherArticles;
  return form.replace("{count}", count.toLocaleString(locale)).replace("{query}", query);
}

/** Pagefind's excerpt is escaped text with <mark>s; rebuild it from those two kinds of node. */
function excerptNode(html: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = "search-result-excerpt";
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent ?? "");
    }
  }
  return p;
}

function link(href: string, text: string, extraClass?: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.className = extraClass ? `search-result-link ${extraClass}` : "search-result-link";
  a.href = href;
  a.textContent = text;
  return a;
}

/** One article: its title, then the sections that matched, or the article's own excerpt. */
export function resultItem(hit: PagefindHit): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const title = document.createElement("p");
  title.className = "search-result-title";
  title.append(link(hit.url, hit.meta.title ?? hit.url));
  item.append(title);
  const sections = (hit.sub_results ?? []).filter((s) => s.url !== hit.url).slice(0, maxSections);
  if (sections.length === 0) {
    item.append(excerptNode(hit.excerpt));
    return item;
  }
  const list = document.createElement("ul");
  list.className = "search-result-sections";
  for (const section of sections) {
    const entry = document.createElement("li");
    entry.append(link(section.url, section.title, "search-result-section"));
    entry.append(excerptNode(section.excerpt));
    list.append(entry);
  }
  item.append(list);
  return item;
}

/** The list items for the results from `from` on, a page at a time; each loads its fragment. */
export async function resultItems(
  results: readonly PagefindResult[],
  from: number,
): Promise<HTMLLIElement[]> {
  const hits = await Promise.all(results.slice(from, from + pageSize).map((r) => r.data()));
  return hits.map(resultItem);
}

/**
 * Writes the counts beside each filter value. `totals` (the whole index)
 * hides values no article has; `remaining` is what adding a value would leave.
 */
export function showFilterCounts(
  root: HTMLElement,
  totals: FilterCounts,
  remaining: FilterCounts | undefined,
  locale: string,
): void {
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-filter-key]")) {
    const key = input.dataset.filterKey ?? "";
    const total = totals[key]?.[input.value] ?? 0;
    const option = input.closest<HTMLElement>("li");
    if (option) option.hidden = total === 0 && !input.checked;
    const count = input.parentElement?.querySelector<HTMLElement>("[data-filter-count]");
    const value = remaining?.[key]?.[input.value] ?? total;
    if (count) count.textContent = `(${value.toLocaleString(locale)})`;
  }
}

/** Checked values: "any" within one filter, every filter at once. */
export function chosenFilters(root: HTMLElement): Record<string, { any: string[] }> {
  const chosen: Record<string, { any: string[] }> = {};
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-filter-key]:checked")) {
    const key = input.dataset.filterKey ?? "";
    chosen[key] ??= { any: [] };
    chosen[key].any.push(input.value);
  }
  return chosen;
}
