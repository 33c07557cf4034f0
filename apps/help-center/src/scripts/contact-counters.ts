import type { Translate } from "./contact-fields.ts";

/**
 * A counter under each field with a length limit: "120 of 10,000
 * characters", and past the limit how much too long it is. The text is
 * never cut; the form refuses it on sending, as the server would.
 */
export function setUpCounters(form: HTMLFormElement, msg: Translate): void {
  for (const counter of form.querySelectorAll<HTMLElement>("[data-counter-for]")) {
    const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `#${counter.dataset.counterFor}`,
    );
    const max = Number(field?.dataset.max);
    if (!field || !Number.isFinite(max)) continue;
    const update = () => {
      // Counted as the server counts: trimmed, in UTF-16 code units like zod's max.
      const count = field.value.trim().length;
      const over = count - max;
      counter.toggleAttribute("data-over", over > 0);
      counter.textContent =
        over > 0 ? msg("contact.counterOver", { over }) : msg("contact.counter", { count, max });
    };
    field.addEventListener("input", update);
    update();
  }
}
