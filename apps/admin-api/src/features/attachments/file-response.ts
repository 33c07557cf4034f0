import { previewableTypes } from "@frontline/core";
import type { AttachmentRow } from "@frontline/db";

/** RFC 6266 with RFC 8187: an ASCII name for old clients, the real one in UTF-8 for the rest. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A stored file as an answer that cannot run as a page of this site:
 * always a download, in the type its bytes were found to be (text always
 * as plain UTF-8).
 */
export function fileResponse(row: AttachmentRow, body: ReadableStream<Uint8Array>): Response {
  const type = row.contentType === "text/plain" ? "text/plain; charset=utf-8" : row.contentType;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Length": String(row.size),
      "Content-Disposition": contentDisposition(row.name),
      // nosniff and a sandboxing Content-Security-Policy come with every API answer (security-headers.ts).
      // Previews in the desk may be reused by the same person; nothing is kept in shared caches.
      "Cache-Control": (previewableTypes as readonly string[]).includes(row.contentType)
        ? "private, max-age=300"
        : "private, no-store",
    },
  });
}
