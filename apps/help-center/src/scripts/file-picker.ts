/**
 * The file chooser of the contact form and the tracking page's reply: each
 * file is checked and uploaded as soon as it is chosen (POST /api/v1/uploads),
 * listed with its state in the page's language, and removable; the message
 * then carries the tokens of the files that are ready.
 */
import { attachmentLimits } from "@frontline/core";
import { apiUrl } from "./api.ts";
import type { Translate } from "./contact-fields.ts";

interface Entry {
  readonly file: File;
  state: "uploading" | "ready" | "failed";
  token?: string;
  message?: string;
  upload?: Promise<void>;
}

export interface FilePicker {
  /** Waits for uploads under way: the tokens of the files ready, or null (said at the chooser) while a failed one is listed. */
  tokens(): Promise<string[] | null>;
  /** After the message is sent: nothing chosen any more. */
  reset(): void;
  /** Says why the server would not take the files with the message. */
  refuse(text: string): void;
}

const MiB = 1024 * 1024;

/** "2.4 MB", "312 kB" in the page's language. */
export function fileSizeText(bytes: number, locale: string): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}

/** Why the server refused an upload, in the reader's words (the problem's type says which). */
async function refusal(response: Response | null, name: string, msg: Translate): Promise<string> {
  if (!response) return msg("files.failed", { name });
  const type = String(((await response.json().catch(() => null)) as { type?: unknown })?.type);
  if (type.endsWith("/file-too-large")) {
    return msg("files.tooLarge", { name, max: attachmentLimits.fileBytes / MiB });
  }
  if (type.endsWith("/file-type-mismatch")) return msg("files.typeMismatch", { name });
  if (type.endsWith("/file-type-refused")) return msg("files.typeRefused", { name });
  return msg("files.failed", { name });
}

export function setUpFilePicker(root: HTMLElement, msg: Translate, locale: string): FilePicker {
  const input = root.querySelector<HTMLInputElement>("input[type=file]");
  const list = root.querySelector<HTMLUListElement>("[data-file-list]");
  const error = root.querySelector<HTMLElement>("[data-file-error]");
  let entries: Entry[] = [];

  const say = (text: string) => {
    if (error) error.textContent = text;
    if (text) input?.setAttribute("aria-invalid", "true");
    else input?.removeAttribute("aria-invalid");
  };

  function item(entry: Entry): HTMLLIElement {
    const li = document.createElement("li");
    li.dataset.state = entry.state;
    const name = entry.file.name;
    const text = document.createElement("span");
    text.textContent =
      entry.state === "failed"
        ? (entry.message ?? msg("files.failed", { name }))
        : entry.state === "ready"
          ? msg("files.ready", { name, size: fileSizeText(entry.file.size, locale) })
          : msg("files.uploading", { name });
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", msg("files.remove", { name }));
    remove.addEventListener("click", () => {
      entries = entries.filter((e) => e !== entry);
      render();
      input?.focus();
    });
    li.append(text, " ", remove);
    return li;
  }

  function render(): void {
    list?.replaceChildren(...entries.map(item));
    if (!entries.some((e) => e.state === "failed")) say("");
  }

  async function upload(entry: Entry): Promise<void> {
    const name = entry.file.name;
    const response = await fetch(apiUrl(`/api/v1/uploads?filename=${encodeURIComponent(name)}`), {
      method: "POST",
      headers: {
        "Content-Type": "application/octet-stream",
        Accept: "application/json, application/problem+json",
      },
      body: entry.file,
    }).catch(() => null);
    const body =
      response?.status === 201
        ? ((await response.json().catch(() => null)) as { token?: unknown } | null)
        : null;
    if (typeof body?.token === "string") {
      entry.token = body.token;
      entry.state = "ready";
    } else {
      entry.state = "failed";
      entry.message = await refusal(response, name, msg);
    }
    render();
  }

  function add(file: File): void {
    if (entries.length >= attachmentLimits.messageFiles) {
      say(msg("files.tooMany", { max: attachmentLimits.messageFiles }));
      return;
    }
    const entry: Entry = { file, state: "uploading" };
    if (file.size > attachmentLimits.fileBytes) {
      entry.state = "failed";
      entry.message = msg("files.tooLarge", {
        name: file.name,
        max: attachmentLimits.fileBytes / MiB,
      });
    } else {
      entry.upload = upload(entry);
    }
    entries.push(entry);
    render();
  }

  input?.addEventListener("change", () => {
    for (const file of Array.from(input.files ?? [])) add(file);
    // The same file may be chosen again after it was removed.
    input.value = "";
  });

  return {
    async tokens() {
      await Promise.all(entries.map((e) => e.upload));
      if (entries.some((e) => e.state === "failed")) {
        say(msg("files.removeFailed"));
        return null;
      }
      return entries.flatMap((e) => (e.token ? [e.token] : []));
    },
    reset() {
      entries = [];
      render();
    },
    refuse: say,
  };
}
