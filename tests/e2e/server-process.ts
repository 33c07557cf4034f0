import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root: `npm start` runs from here, so the server does too. */
export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Starting takes a few seconds (tsx compiles the server); on a busy machine, more. */
const START_TIMEOUT_MS = 45_000;

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /**
   * SIGKILLs the server itself, as a crash or the OOM killer would: no
   * handler runs, nothing is flushed. (npm, its parent, then exits too.)
   */
  crash(): void;
}

/**
 * The server's own process: `npm run serve` execs the server in place of
 * its shell, so it is npm's only child. Linux lists it in /proc.
 */
function serverPid(npmPid: number): number {
  const children = readFileSync(`/proc/${npmPid}/task/${npmPid}/children`, "utf8").trim();
  const [pid, ...more] = children.split(/\s+/).map(Number);
  if (!pid || more.length > 0) throw new Error(`npm has children "${children}", not one server`);
  return pid;
}

/**
 * Starts the server exactly as `npm start` does once the build is done:
 * `npm run serve` from the repository root, the same entry point and
 * config, as a child process on a free port. `env` adds settings
 * (DATABASE_URL, SMTP_URL…) to the inherited environment.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn("npm", ["run", "--silent", "serve"], {
    cwd: repositoryRoot,
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    // A server that neither listens nor exits is stopped, not left behind.
    const timer = setTimeout(() => {
      child.kill("SIGTERM"); // npm passes it on to the server
      reject(new Error(`The server did not start within ${START_TIMEOUT_MS} ms:\n${printed}`));
    }, START_TIMEOUT_MS);
    const look = () => {
      const match = /Frontline is running on (http:\/\/\S+)/.exec(printed);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", look);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before listening:\n${printed}`));
    });
  });
  return {
    url,
    child,
    output: () => printed,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    crash() {
      process.kill(serverPid(child.pid ?? 0), "SIGKILL");
    },
  };
}
