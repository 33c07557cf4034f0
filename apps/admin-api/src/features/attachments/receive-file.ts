import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileTypeFromFile } from "file-type";
import type { FileStore } from "../../platform/files/file-store.ts";
import { problems } from "../../platform/problems.ts";

export interface ReceivedFile {
  /** The bytes, in the store's incoming folder until they are put or removed. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Writes an upload to the store's incoming folder as it streams in,
 * hashing and counting on the way; past `maxBytes` it stops reading,
 * removes what it wrote and refuses the file, so a huge body never fills
 * memory or disk.
 */
export async function receiveFile(
  store: FileStore,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<ReceivedFile> {
  const path = join(store.incomingDir, randomUUID());
  const hash = createHash("sha256");
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(problems.fileTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, size, sha256: hash.digest("hex") };
}

/** How far into a file it is read to decide whether it is text. */
const TEXT_PROBE_BYTES = 64 * 1024;

/**
 * What the bytes are, whatever the file is called: the signature file-type
 * recognises, or text/plain for UTF-8 without NUL bytes (logs, CSV, JSON,
 * mail sources), or null. XML is served as text, never as markup.
 */
export async function sniffFileType(path: string): Promise<string | null> {
  const recognised = await fileTypeFromFile(path);
  if (recognised) return recognised.mime === "application/xml" ? "text/plain" : recognised.mime;
  const handle = await open(path);
  try {
    const probe = Buffer.alloc(TEXT_PROBE_BYTES);
    const { bytesRead } = await handle.read(probe, 0, TEXT_PROBE_BYTES, 0);
    const head = probe.subarray(0, bytesRead);
    if (bytesRead === 0 || head.includes(0)) return null;
    try {
      // stream: a character cut at the probe's end is not an error.
      new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
      return "text/plain";
    } catch {
      return null;
    }
  } finally {
    await handle.close();
  }
}
