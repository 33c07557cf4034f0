import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";

/**
 * Where attachment bytes live: outside the database, under the SHA-256 of
 * their content, so the same file sent twice is kept once. The filesystem
 * store below is the default; s3-store.ts keeps them in an S3-compatible
 * bucket for several servers.
 */
export interface FileStore {
  /** Where finished uploads are written before `put`, on the store's own filesystem. */
  readonly incomingDir: string;
  /** Keeps the file at `path` under `key` (its hash) and takes it away from `path`. */
  put(key: string, path: string): Promise<void>;
  /** The bytes under `key`, or null when there is no such file. */
  read(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /**
   * Removes the file under `key` unless it was written after `since`: an
   * upload of the same bytes racing the sweep keeps its file.
   */
  remove(key: string, since: Date): Promise<void>;
}

const validKey = (key: string) => {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Not a file store key: ${key}`);
  return key;
};

/** Files in a folder, fanned out by the hash's first two characters (256 folders, not one huge one). */
export function filesystemStore(root: string): FileStore {
  const pathOf = (key: string) => join(root, validKey(key).slice(0, 2), key);
  const incomingDir = join(root, ".incoming");
  return {
    incomingDir,
    async put(key, path) {
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      // A rename within one filesystem is atomic: a reader sees the whole file or none.
      await rename(path, pathOf(key));
    },
    async read(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    },
    async remove(key, since) {
      const path = pathOf(key);
      const written = await stat(path).then(
        (s) => s.mtime,
        () => null,
      );
      if (written && written <= since) await rm(path, { force: true });
    },
  };
}

/** Makes the folder uploads are received into; run once at start. */
export async function prepareFileStore(store: FileStore): Promise<void> {
  await mkdir(store.incomingDir, { recursive: true });
}
