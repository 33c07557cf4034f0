/**
 * The search page: our own small form and result list on Pagefind's JS API.
 * Pagefind (its script, worker, wasm and the language's metadata) is loaded
 * only once there is something to search for: a ?q= in the address, or the
 * reader focusing or typing in the box. The filter index is loaded only when
 * a filter is opened. The query is kept in ?q= so a search can be shared;
 * "/" (BaseLayout) focuses the box and the arrow keys walk the results.
 */
import { type PageTexts, type SearchParts, SearchSession } from "./search-session.ts";

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
function partsOf(root: HTMLElement): SearchParts | null {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const form = $<HTMLFormElement>("[data-search-form]");
  const input = $<HTMLInputElement>("#search-page-input");
  const list = $<HTMLOListElement>("[data-search-results]");
  const status = $<HTMLElement>("[data-search-status]");
  const more = $<HTMLButtonElement>("[data-search-more]");
  const filters = $<HTMLElement>("[data-search-filters]");
  // These two sit outside the page's root, below the results.
  const empty = document.querySelector<HTMLElement>("[data-no-results]");
  const contact = document.querySelector<HTMLElement>("[data-search-contact]");
  return form && input && list && status && more && filters
    ? { root, form, input, list, status, more, filters, empty, contact }
    : null;
}

export function setUpSearchPage(root: HTMLElement): void {
  const parts = partsOf(root);
  if (!parts) return;
  const { form, input, more, filters } = parts;
  const texts = JSON.parse(root.dataset.texts ?? "{}") as PageTexts;
  const session = new SearchSession(parts, root.dataset.locale ?? "en", texts);

  input.addEventListener("focus", () => void session.load(), { once: true });
  input.addEventListener("input", () => session.typed());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void session.run();
  });
  filters.addEventListener("change", () => void session.run());
  // <details> toggle events do not bubble; listen while they pass down.
  filters.addEventListener("toggle", () => void session.loadFilterCounts(), true);
  more.addEventListener("click", () => void session.showMore());
  enableArrowKeys(root, input);
  filters.hidden = false;

  const term = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
  if (term) {
    input.value = term;
    void session.run();
  }
}
