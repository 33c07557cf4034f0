import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileStore, filesystemStore, prepareFileStore } from "./file-store.ts";
import { s3Store } from "./s3-store.ts";

const key = "ab".repeat(32);
const otherKey = "cd".repeat(32);
let folder: string;
let s3: S3rver;
let s3Port: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "frontline-stores-"));
  // A real S3-compatible server on loopback (s3rver), with a bucket, for the S3 store.
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: join(folder, "s3"),
    configureBuckets: [{ name: "attachments", configs: [] }],
  });
  s3Port = (await s3.run()).port;
});
afterAll(async () => {
  await s3?.close();
  await rm(folder, { recursive: true, force: true });
});

const stores: [string, () => FileStore][] = [
  ["the filesystem store", () => filesystemStore(join(folder, "files"))],
  [
    "the S3 store",
    () =>
      s3Store({
        endpoint: `http://127.0.0.1:${s3Port}`,
        bucket: "attachments",
        region: "us-east-1",
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
      }),
  ],
];

async function incoming(store: FileStore, content: string) {
  await prepareFileStore(store);
  const path = join(store.incomingDir, `${Math.random()}`);
  await writeFile(path, content);
  return path;
}

const text = async (stream: ReadableStream<Uint8Array> | null) =>
  stream ? new Response(stream).text() : null;

describe.each(stores)("%s", (_name, make) => {
  it("keeps a file under its key and gives the same bytes back, taking it from the incoming folder", async () => {
    const store = make();
    const path = await incoming(store, "2026-12-02 ERROR 535 Authentication unsuccessful\n");
    await store.put(key, path);
    await expect(stat(path)).rejects.toThrow();
    expect(await text(await store.read(key))).toBe(
      "2026-12-02 ERROR 535 Authentication unsuccessful\n",
    );
  });

  it("answers null for a key it does not hold", async () => {
    expect(await make().read(otherKey)).toBeNull();
  });

  it("removes a file only when it was not written after the given time", async () => {
    const store = make();
    await store.put(otherKey, await incoming(store, "screenshot bytes"));
    await store.remove(otherKey, new Date(Date.now() - 60_000));
    expect(await text(await store.read(otherKey))).toBe("screenshot bytes");
    await store.remove(otherKey, new Date(Date.now() + 60_000));
    expect(await store.read(otherKey)).toBeNull();
  });

  it("refuses a key that is not a SHA-256, so no path can be smuggled in", async () => {
    await expect(make().read("../../etc/passwd")).rejects.toThrow(/Not a file store key/);
  });
});
