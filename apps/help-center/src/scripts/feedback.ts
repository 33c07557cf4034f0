import { apiUrl } from "./api.ts";
import { randomId } from "./random-id.ts";

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
