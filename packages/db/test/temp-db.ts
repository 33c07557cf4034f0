import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenDatabase, openDatabase } from "../src/index.ts";

/** A real SQLite file in a fresh temporary folder, removed by `cleanup`. */
export function tempDatabase(): OpenDatabase & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "frontline-db-"));
  const opened = openDatabase(join(dir, "nested", "frontline.db"));
  return {
    ...opened,
    dir,
    cleanup() {
      opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
