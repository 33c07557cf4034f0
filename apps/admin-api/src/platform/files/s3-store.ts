import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsClient } from "aws4fetch";
import type { FileStore } from "./file-store.ts";

export interface S3Settings {
  /** The service's address, e.g. https://s3.eu-central-1.amazonaws.com or a MinIO server. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * Attachments in an S3-compatible bucket, for several servers without a
 * shared filesystem. Requests are signed with AWS Signature V4 (aws4fetch)
 * and addressed path-style (endpoint/bucket/key), which AWS, MinIO, Ceph
 * and the like all understand. Keys fan out like the filesystem store's.
 */
export function s3Store(settings: S3Settings): FileStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: "s3",
    region: settings.region,
  });
  const base = `${settings.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(settings.bucket)}`;
  const urlOf = (key: string) => {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Not a file store key: ${key}`);
    return `${base}/${key.slice(0, 2)}/${key}`;
  };
  const failed = async (what: string, response: Response) =>
    new Error(`S3 ${what} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return {
    // Uploads are received on local disk first (checked, hashed), then sent on.
    incomingDir: join(tmpdir(), "frontline-incoming"),
    async put(key, path) {
      try {
        const body = await readFile(path);
        const response = await client.fetch(urlOf(key), {
          method: "PUT",
          body,
          headers: { "Content-Length": String(body.length) },
        });
        if (!response.ok) throw await failed("PUT", response);
      } finally {
        await rm(path, { force: true });
      }
    },
    async read(key) {
      const response = await client.fetch(urlOf(key));
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw await failed("GET", response);
      return response.body;
    },
    async remove(key, since) {
      const head = await client.fetch(urlOf(key), { method: "HEAD" });
      if (head.status === 404) return;
      if (!head.ok) throw await failed("HEAD", head);
      const written = new Date(head.headers.get("Last-Modified") ?? 0);
      if (written > since) return;
      const response = await client.fetch(urlOf(key), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw await failed("DELETE", response);
    },
  };
}
