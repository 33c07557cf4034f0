import { runCli } from "../src/cli/run.ts";

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One command line, run in this process through the same entry the
 * `npm run admin` script calls, with `env` as its environment.
 */
export async function runAdmin(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env,
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (line) => {
      stderr += `${line}\n`;
    },
  });
  return { code, stdout, stderr };
}

/** The arguments of `create-user` for one person, and any further flags. */
export const createUserArgs = (email: string, name: string, role: string, ...more: string[]) => [
  "create-user",
  "--email",
  email,
  "--name",
  name,
  "--role",
  role,
  ...more,
];
