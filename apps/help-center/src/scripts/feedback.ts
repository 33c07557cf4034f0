import { apiUrl } from "./api.ts";

/** A v4 UUID; crypto.randomUUID exists only on HTTPS pages and localhost. */
function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function send(body: Record<string, unknown>): Promise<boolean> {
  try {
    const response = await fetch(apiUrl("/api/v1/feedback"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * A vote is recorded at once; the comment box then offers to say more.
 * Both carry the same submission id, so the server keeps one answer.
 */
export function setUpFeedback(form: HTMLFormElement): void {
  const result = form.querySelector<HTMLElement>("[data-result]");
  const commentBox = form.querySelector<HTMLElement>("[data-comment]");
  const buttons = [...form.querySelectorAll<HTMLButtonElement>("[data-vote]")];
  const base = {
    submissionId: randomId(),
    locale: form.dataset.locale,
    article: form.dataset.article,
  };
  let helpful: boolean | null = null;

  const show = (ok: boolean) => {
    if (result) result.textContent = (ok ? result.dataset.thanks : result.dataset.error) ?? "";
  };

  for (const button of buttons) {
    button.addEventListener("click", async () => {
      helpful = button.dataset.vote === "yes";
      for (const other of buttons) other.setAttribute("aria-pressed", String(other === button));
      const ok = await send({ ...base, helpful });
      show(ok);
      if (ok && commentBox) commentBox.hidden = false;
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (helpful === null) return;
    const comment = new FormData(form).get("comment");
    const text = typeof comment === "string" ? comment.trim() : "";
    if (!text) return;
    const ok = await send({ ...base, helpful, comment: text });
    show(ok);
    if (ok && commentBox) {
      commentBox.hidden = true;
      for (const button of buttons) button.disabled = true;
    }
  });
}
