/**
 * The search page: our own small form and result list on Pagefind's JS API.
 * Pagefind (its script, worker, wasm and the language's metadata) is loaded
 * only once there is something to search for: a ?q= in the address, or the
 * reader focusing or typing in the box. The filter index is loaded only when
 * a filter is opened. The query is kept in ?q= so a search can be shared;
 * "/" (BaseLayout) focuses the box and the arrow keys walk the results.
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

interface PageTexts extends SearchTexts {
  readonly failed: string;
}

function keepQueryInUrl(term: string): void {
  const url = new URL(window.location.href);
  if ((url.searchParams.get("q") ?? "") === term) return;
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

/** Down from the box enters the results; up and down move; Enter opens (a link does that). */
function enableArrowKeys(root: HTMLElement, input: HTMLInputElement): void {
  root.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...root.querySelectorAll<HTMLAnchorElement>(".search-result-link")];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    const onInput = document.activeElement === input;
    if (!onInput && current === -1) return;
    event.preventDefault();
    if (event.key === "ArrowDown")
      links[onInput ? 0 : Math.min(current + 1, links.length - 1)]?.focus();
    else if (current <= 0) input.focus();
    else links[current - 1]?.focus();
  });
}

/** The page's parts (search.astro), or null if one is missing. */
function partsOf(root: HTMLElement) {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const form = $<HTMLFormElement>("[data-search-form]");
  const input = $<HTMLInputElement>("#search-page-input");
  const list = $<HTMLOListElement>("[data-search-results]");
  const status = $<HTMLElement>("[data-search-status]");
  const more = $<HTMLButtonElement>("[data-search-more]");
  const filters = $<HTMLElement>("[data-search-filters]");
  return form && input && list && status && more && filters
    ? { form, input, list, status, more, filters }
    : null;
}

export function setUpSearchPage(root: HTMLElement): void {
  const parts = partsOf(root);
  if (!parts) return;
  const { form, input, list, status, more, filters } = parts;
  const empty = document.querySelector<HTMLElement>("[data-no-results]");
  const contact = document.querySelector<HTMLElement>("[data-search-contact]");
  const locale = root.dataset.locale ?? "en";
  const texts = JSON.parse(root.dataset.texts ?? "{}") as PageTexts;

  let pagefind: Promise<Pagefind | null> | null = null;
  const load = () => {
    pagefind ??= loadPagefind();
    return pagefind;
  };
  let totals: FilterCounts | null = null;
  let results: readonly PagefindResult[] = [];
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function showOutcome(term: string, count: number) {
    status.textContent = count > 0 ? countText(locale, texts, count, term) : "";
    const nothing = count === 0;
    if (empty)
      empty.textContent = nothing ? (empty.dataset.template ?? "").replace("{query}", term) : "";
    contact?.classList.toggle("search-contact-prominent", nothing);
    more.hidden = list.childElementCount >= count;
  }

  function clear() {
    generation += 1;
    results = [];
    list.replaceChildren();
    status.textContent = "";
    if (empty) empty.textContent = "";
    contact?.classList.remove("search-contact-prominent");
    more.hidden = true;
    delete root.dataset.state;
  }

  async function run() {
    clearTimeout(timer);
    const term = input.value.trim();
    const chosen = chosenFilters(filters);
    keepQueryInUrl(term);
    if (!term && Object.keys(chosen).length === 0) {
      clear();
      return;
    }
    const id = ++generation;
    root.dataset.state = "searching";
    list.setAttribute("aria-busy", "true");
    const engine = await load();
    if (id !== generation) return;
    if (!engine) {
      list.removeAttribute("aria-busy");
      status.textContent = texts.failed;
      root.dataset.state = "failed";
      return;
    }
    const search = await engine.search(term || null, { filters: chosen });
    const items = await resultItems(search.results, 0);
    // A newer search started while this one ran: its answer wins.
    if (id !== generation) return;
    results = search.results;
    list.replaceChildren(...items);
    list.removeAttribute("aria-busy");
    showOutcome(term, results.length);
    if (totals) showFilterCounts(filters, totals, search.filters, locale);
    Object.assign(root.dataset, { state: "done", query: term, count: String(results.length) });
  }

  /** The first time a filter is opened: load the filter index, then show counts. */
  async function loadFilterCounts() {
    if (totals) return;
    const engine = await load();
    if (!engine || totals) return;
    totals = await engine.filters();
    const term = input.value.trim();
    const chosen = chosenFilters(filters);
    // A search run before the filter index was loaded came back without counts.
    const remaining =
      term || Object.keys(chosen).length
        ? (await engine.search(term || null, { filters: chosen })).filters
        : undefined;
    showFilterCounts(filters, totals, remaining, locale);
  }

  input.addEventListener("focus", () => void load(), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    if (!input.value.trim()) void run();
    else timer = setTimeout(() => void run(), typingPauseMs);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  filters.addEventListener("change", () => void run());
  // <details> toggle events do not bubble; listen while they pass down.
  filters.addEventListener("toggle", () => void loadFilterCounts(), true);
  more.addEventListener("click", async () => {
    const id = generation;
    const from = list.childElementCount;
    const items = await resultItems(results, from);
    if (id !== generation) return;
    list.append(...items);
    more.hidden = list.childElementCount >= results.length;
    // Keyboard and screen-reader users land on the first of the new results.
    items[0]?.querySelector<HTMLAnchorElement>("a")?.focus();
  });
  enableArrowKeys(root, input);
  filters.hidden = false;

  const term = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
  if (term) {
    input.value = term;
    void run();
  }
}
