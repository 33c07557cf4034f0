/**
 * The search page: Pagefind's UI with filters, plus what it lacks — the
 * query kept in ?q= so a search can be shared, "/" and the arrow keys,
 * and a clear "nothing found" pointing to the contact form.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

function keepQueryInUrl(term: string): void {
  const url = new URL(window.location.href);
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

/** Down from the box enters the results; up and down move; Enter opens (a link does that). */
function enableArrowKeys(container: HTMLElement): void {
  container.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...container.querySelectorAll<HTMLAnchorElement>(".pagefind-ui__result-link")];
    const input = container.querySelector<HTMLInputElement>(".pagefind-ui__search-input");
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    const onInput = document.activeElement === input;
    if (!onInput && current === -1) return;
    event.preventDefault();
    if (event.key === "ArrowDown")
      links[onInput ? 0 : Math.min(current + 1, links.length - 1)]?.focus();
    else if (current <= 0) input?.focus();
    else links[current - 1]?.focus();
  });
}

/** Says "no articles match" once Pagefind has answered a search with nothing. */
function watchForEmptyResults(container: HTMLElement, getTerm: () => string): void {
  const empty = document.querySelector<HTMLElement>("[data-no-results]");
  const contact = document.querySelector<HTMLElement>("[data-search-contact]");
  const update = () => {
    const term = getTerm();
    const message = container.querySelector(".pagefind-ui__message");
    const results = container.querySelectorAll(".pagefind-ui__result").length;
    const nothing = Boolean(term) && Boolean(message?.textContent) && results === 0;
    if (empty)
      empty.textContent = nothing ? (empty.dataset.template ?? "").replace("{query}", term) : "";
    contact?.classList.toggle("search-contact-prominent", nothing);
  };
  new MutationObserver(update).observe(container, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

export function setUpSearchPage(container: HTMLElement): void {
  const PagefindUI = window.PagefindUI;
  if (!PagefindUI) return;
  let term = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
  const ui = new PagefindUI({
    element: `#${container.id}`,
    showSubResults: true,
    showImages: false,
    autofocus: !term,
    translations: { placeholder: container.dataset.placeholder },
    processTerm: (value: string) => {
      term = value.trim();
      keepQueryInUrl(term);
      return value;
    },
  });
  const input = container.querySelector<HTMLInputElement>(".pagefind-ui__search-input");
  // Pagefind's box has no label of its own; the page's visible text names it.
  if (input) input.id = "search-page-input";
  input?.setAttribute("aria-labelledby", "search-page-label");
  input?.setAttribute("data-search-shortcut", "");
  input?.setAttribute("aria-keyshortcuts", "/");
  // Clearing the box does not reach processTerm; keep the URL honest anyway.
  input?.addEventListener("input", () => {
    if (!input.value.trim()) keepQueryInUrl("");
  });
  enableArrowKeys(container);
  watchForEmptyResults(container, () => term);
  if (term) ui.triggerSearch(term);
}
