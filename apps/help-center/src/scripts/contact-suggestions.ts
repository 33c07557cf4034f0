import { apiUrl } from "./api.ts";
import { loadPagefind, type Pagefind, type PagefindHit } from "./pagefind.ts";

export interface Suggestions {
  /** Slugs of the articles shown, and of those the customer opened. */
  readonly suggested: () => string[];
  readonly opened: () => string[];
}

const MAX_SUGGESTIONS = 5;
const articleSlug = (url: string) => /\/articles\/([a-z0-9-]+)\/?/.exec(url)?.[1] ?? null;

/**
 * While the customer types a subject, shows up to five articles from the
 * help center in their language. "This solved my problem" records a
 * deflection and files nothing; the form remembers what it suggested and
 * what was opened, and sends both with the request.
 */
export function setUpSuggestions(form: HTMLFormElement, onDeflected: () => void): Suggestions {
  const box = document.querySelector<HTMLElement>("[data-suggestions]");
  const list = box?.querySelector<HTMLUListElement>("ul");
  const subject = form.elements.namedItem("subject") as HTMLInputElement | null;
  const locale = form.dataset.locale ?? "en";
  const suggested = new Set<string>();
  const opened = new Set<string>();
  let declined = false;
  let pagefind: Promise<Pagefind | null> | null = null;

  const render = (hits: PagefindHit[]) => {
    if (!box || !list) return;
    const template = box.querySelector<HTMLTemplateElement>("template");
    list.replaceChildren(
      ...hits.flatMap((hit) => {
        const slug = articleSlug(hit.url);
        const item = template?.content.firstElementChild?.cloneNode(true);
        if (!slug || !(item instanceof HTMLElement)) return [];
        suggested.add(slug);
        item.dataset.slug = slug;
        const link = item.querySelector<HTMLAnchorElement>("a");
        if (link) {
          link.href = hit.url;
          // Set here, not in the template: target and rel are invalid on an <a> without href.
          link.target = "_blank";
          link.rel = "noopener";
          link.prepend(hit.meta.title ?? slug);
          link.addEventListener("click", () => opened.add(slug));
        }
        const excerpt = item.querySelector("p");
        if (excerpt) excerpt.textContent = hit.excerpt.replace(/<[^>]+>/g, "");
        item.querySelector("button")?.addEventListener("click", () => deflect(slug));
        return [item];
      }),
    );
    box.hidden = hits.length === 0;
  };

  async function suggest() {
    const term = subject?.value.trim() ?? "";
    if (declined || term.length < 3) {
      if (box) box.hidden = true;
      return;
    }
    pagefind ??= loadPagefind();
    const search = await (await pagefind)?.debouncedSearch(term, {}, 250);
    if (!search) return;
    const hits = await Promise.all(
      search.results.slice(0, MAX_SUGGESTIONS * 2).map((r) => r.data()),
    );
    render(hits.filter((hit) => articleSlug(hit.url)).slice(0, MAX_SUGGESTIONS));
  }

  async function deflect(slug: string) {
    opened.add(slug);
    // Best effort: the customer is helped either way, and nothing is filed.
    await fetch(apiUrl("/api/v1/deflections"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        locale,
        query: subject?.value.trim() || slug,
        article: slug,
        suggestedArticles: [...suggested],
      }),
    }).catch(() => undefined);
    onDeflected();
  }

  subject?.addEventListener("input", () => void suggest());
  box?.querySelector("[data-decline]")?.addEventListener("click", () => {
    declined = true;
    if (box) box.hidden = true;
    subject?.focus();
  });

  return { suggested: () => [...suggested], opened: () => [...opened] };
}
