/**
 * What the search page knows between keystrokes: Pagefind once loaded, the
 * filter index's totals once a filter was opened, the results of the last
 * search, and which search is the newest. Every search bumps the
 * generation, so an answer that comes back after a newer search started is
 * dropped instead of overwriting the newer one.
 */
import { type FilterCounts, loadPagefind, type Pagefind, type PagefindResult } from "./pagefind.ts";
import {
  chosenFilters,
  countText,
  resultItems,
  type SearchTexts,
  showFilterCounts,
} from "./search-results.ts";

/** Pause after the last keystroke before searching: one index lookup per word typed, not per key. */
const typingPauseMs = 250;

export interface PageTexts extends SearchTexts {
  readonly failed: string;
}

/** The page's parts (search.astro); the no-results text and the contact box may be missing. */
export interface SearchParts {
  readonly root: HTMLElement;
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly list: HTMLOListElement;
  readonly status: HTMLElement;
  readonly more: HTMLButtonElement;
  readonly filters: HTMLElement;
  readonly empty: HTMLElement | null;
  readonly contact: HTMLElement | null;
}

function keepQueryInUrl(term: string): void {
  const url = new URL(window.location.href);
  if ((url.searchParams.get("q") ?? "") === term) return;
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

export class SearchSession {
  private pagefind: Promise<Pagefind | null> | null = null;
  private totals: FilterCounts | null = null;
  private results: readonly PagefindResult[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly parts: SearchParts,
    private readonly locale: string,
    private readonly texts: PageTexts,
  ) {}

  /** Pagefind, loaded on first use (focus, typing, a filter, or ?q=). */
  load(): Promise<Pagefind | null> {
    this.pagefind ??= loadPagefind();
    return this.pagefind;
  }

  /** While the reader types: search once typing pauses, at once when the box is emptied. */
  typed(): void {
    clearTimeout(this.timer);
    if (!this.parts.input.value.trim()) void this.run();
    else this.timer = setTimeout(() => void this.run(), typingPauseMs);
  }

  async run(): Promise<void> {
    const { root, input, list, status, filters } = this.parts;
    clearTimeout(this.timer);
    const term = input.value.trim();
    const chosen = chosenFilters(filters);
    keepQueryInUrl(term);
    if (!term && Object.keys(chosen).length === 0) {
      this.clear();
      return;
    }
    const id = ++this.generation;
    root.dataset.state = "searching";
    list.setAttribute("aria-busy", "true");
    const engine = await this.load();
    if (id !== this.generation) return;
    if (!engine) {
      list.removeAttribute("aria-busy");
      status.textContent = this.texts.failed;
      root.dataset.state = "failed";
      return;
    }
    const search = await engine.search(term || null, { filters: chosen });
    const items = await resultItems(search.results, 0);
    // A newer search started while this one ran: its answer wins.
    if (id !== this.generation) return;
    this.results = search.results;
    list.replaceChildren(...items);
    list.removeAttribute("aria-busy");
    this.showOutcome(term, this.results.length);
    if (this.totals) showFilterCounts(filters, this.totals, search.filters, this.locale);
    Object.assign(root.dataset, { state: "done", query: term, count: String(this.results.length) });
  }

  /** The first time a filter is opened: load the filter index, then show counts. */
  async loadFilterCounts(): Promise<void> {
    if (this.totals) return;
    const engine = await this.load();
    if (!engine || this.totals) return;
    this.totals = await engine.filters();
    const term = this.parts.input.value.trim();
    const chosen = chosenFilters(this.parts.filters);
    // A search run before the filter index was loaded came back without counts.
    const remaining =
      term || Object.keys(chosen).length
        ? (await engine.search(term || null, { filters: chosen })).filters
        : undefined;
    showFilterCounts(this.parts.filters, this.totals, remaining, this.locale);
  }

  /** The next page of the same results, unless a newer search replaced them meanwhile. */
  async showMore(): Promise<void> {
    const { list, more } = this.parts;
    const id = this.generation;
    const from = list.childElementCount;
    const items = await resultItems(this.results, from);
    if (id !== this.generation) return;
    list.append(...items);
    more.hidden = list.childElementCount >= this.results.length;
    // Keyboard and screen-reader users land on the first of the new results.
    items[0]?.querySelector<HTMLAnchorElement>("a")?.focus();
  }

  private showOutcome(term: string, count: number): void {
    const { status, empty, contact, more, list } = this.parts;
    status.textContent = count > 0 ? countText(this.locale, this.texts, count, term) : "";
    const nothing = count === 0;
    if (empty)
      empty.textContent = nothing ? (empty.dataset.template ?? "").replace("{query}", term) : "";
    contact?.classList.toggle("search-contact-prominent", nothing);
    more.hidden = list.childElementCount >= count;
  }

  private clear(): void {
    const { root, list, status, empty, contact, more } = this.parts;
    this.generation += 1;
    this.results = [];
    list.replaceChildren();
    status.textContent = "";
    if (empty) empty.textContent = "";
    contact?.classList.remove("search-contact-prominent");
    more.hidden = true;
    delete root.dataset.state;
  }
}
