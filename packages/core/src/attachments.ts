import { z } from "zod";

/**
 * Files sent with a message: a screenshot, a log, an invoice. What may be
 * sent is decided here, from what the bytes are (sniffed by the server),
 * never from the name alone; the name must not claim to be something else.
 */

const MiB = 1024 * 1024;

/** Per file, per message and per request; the form, the API and the console share them. */
export const attachmentLimits = {
  fileBytes: 10 * MiB,
  messageFiles: 10,
  messageBytes: 25 * MiB,
  requestFiles: 50,
  requestBytes: 100 * MiB,
  /** Longest file name kept; longer names are refused, not cut. */
  nameLength: 200,
} as const;

/** The kinds of file accepted, as sniffed from their bytes, with the name endings each may carry. */
export const acceptedFileTypes = {
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
  "application/zip": ["zip"],
  "application/gzip": ["gz", "tgz"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "text/plain": [
    "txt",
    "log",
    "csv",
    "json",
    "xml",
    "md",
    "eml",
    "har",
    "conf",
    "cfg",
    "ini",
    "yaml",
    "yml",
  ],
} as const satisfies Record<string, readonly string[]>;

export type AcceptedFileType = keyof typeof acceptedFileTypes;

/** Images the desk shows inline; every other type is only downloaded. */
export const previewableTypes: readonly AcceptedFileType[] = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
];

/** The endings a person can pick in a file chooser (`accept=".png,.jpg,…"`). */
export const acceptedFileEndings: readonly string[] = Object.values(acceptedFileTypes).flat();

const endingOf = (name: string): string | null => {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
};

const typeOfEnding = (ending: string): AcceptedFileType | undefined =>
  (Object.keys(acceptedFileTypes) as AcceptedFileType[]).find((type) =>
    (acceptedFileTypes[type] as readonly string[]).includes(ending),
  );

export type FileVerdict =
  | { readonly ok: true; readonly type: AcceptedFileType }
  | { readonly ok: false; readonly reason: "type-refused" | "type-mismatch" };

/**
 * Whether a file may be kept, from its name and the type its bytes were
 * sniffed as (null: nothing recognised). A name ending in ".png" on bytes
 * that are a PDF is a lie and refused; a name without an ending claims nothing.
 */
export function judgeFile(name: string, sniffed: string | null): FileVerdict {
  const accepted = sniffed && sniffed in acceptedFileTypes ? (sniffed as AcceptedFileType) : null;
  const ending = endingOf(name);
  const claimed = ending === null ? undefined : typeOfEnding(ending);
  if (!accepted) {
    return claimed ? { ok: false, reason: "type-mismatch" } : { ok: false, reason: "type-refused" };
  }
  if (ending === null || claimed === accepted) return { ok: true, type: accepted };
  return claimed ? { ok: false, reason: "type-mismatch" } : { ok: false, reason: "type-refused" };
}

/** What is already on a message or a request, to check a new set of files against. */
export interface AttachmentTotals {
  readonly files: number;
  readonly bytes: number;
}

export type SetVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: "message-files" | "message-bytes" | "request-files" | "request-bytes";
      readonly limit: number;
    };

/** Whether files of these sizes fit one message, and the request with what it already holds. */
export function judgeAttachmentSet(
  sizes: readonly number[],
  onRequest: AttachmentTotals,
): SetVerdict {
  const l = attachmentLimits;
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  if (sizes.length > l.messageFiles)
    return { ok: false, reason: "message-files", limit: l.messageFiles };
  if (bytes > l.messageBytes) return { ok: false, reason: "message-bytes", limit: l.messageBytes };
  if (onRequest.files + sizes.length > l.requestFiles) {
    return { ok: false, reason: "request-files", limit: l.requestFiles };
  }
  if (onRequest.bytes + bytes > l.requestBytes) {
    return { ok: false, reason: "request-bytes", limit: l.requestBytes };
  }
  return { ok: true };
}

/**
 * A file's name as kept and offered back for download: no folders, no
 * control characters, trimmed; empty names are refused by the schema.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
}

/** The uploads a message carries, by the tokens `POST /api/v1/uploads` answered with. */
export const attachmentTokensSchema = z
  .array(z.string().regex(/^up_[A-Za-z0-9_-]{20,64}$/, { message: "Not an upload token" }))
  .max(attachmentLimits.messageFiles, {
    message: `At most ${attachmentLimits.messageFiles} files per message`,
  })
  .refine((tokens) => new Set(tokens).size === tokens.length, {
    message: "The same file is listed twice",
  });
