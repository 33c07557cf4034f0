import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A real 1×1 PNG: the screenshot customers send in the browser journeys. */
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Files on disk, as a customer picks them in a file chooser, in a folder of
 * their own: a screenshot, a log, and a Windows program renamed to look like
 * an invoice.
 */
export function sampleFiles() {
  const folder = mkdtempSync(join(tmpdir(), "frontline-e2e-files-"));
  const write = (name: string, content: Buffer | string) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };
  return {
    folder,
    screenshot: write("Fehlermeldung.png", onePixelPng),
    log: write("outlook.log", "09:14:03 ERROR 535 5.7.3 Authentication unsuccessful\n"),
    disguised: write("rechnung.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)])),
  };
}
