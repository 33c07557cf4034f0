import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the benchmarks live and what they run: the repository's own binaries, on its Node 24. */
export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = dirname(benchDir);
export const binDir = join(repoRoot, "node_modules", ".bin");
