import { runCli } from "./run.ts";

// `npm run admin -- <command> [flags]` from the repository root (or the app folder).
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
