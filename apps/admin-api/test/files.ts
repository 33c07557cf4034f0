import type { TestApp } from "./test-app.ts";

/** Real files of the kinds customers send, as their bytes. */
export const sampleFiles = {
  /** A 1×1 PNG screenshot. */
  png: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
  pdf: Buffer.from(
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  ),
  log: Buffer.from(
    "2026-12-02 09:14:03 ERROR smtp: 535 5.7.3 Authentication unsuccessful\n2026-12-02 09:14:05 INFO retry in 30 s\n",
  ),
  /** A Windows program: the "MZ" header file-type knows. */
  exe: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]),
};

/** Uploads bytes as a file of this name, as the help center and the API clients do. */
export function upload(
  app: TestApp["app"],
  name: string,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
) {
  return app.request(`/api/v1/uploads?filename=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", ...headers },
    body: bytes,
  });
}

/** Uploads and answers the token, failing the test if the upload was refused. */
export async function uploadToken(
  app: TestApp["app"],
  name: string,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await upload(app, name, bytes, headers);
  if (response.status !== 201) {
    throw new Error(`upload of ${name} answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { token: string }).token;
}
