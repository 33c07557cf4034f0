/**
 * One build step under GNU time (wall seconds and peak memory, which
 * Node cannot measure for a child's children), with its output in a log,
 * and in one line why it failed when it did.
 */
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "./paths.ts";

export const gnuTime = "/usr/bin/time";

export interface StepResult {
  readonly name: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** Wall seconds as GNU time reports them. */
  readonly seconds: number;
  /** Peak resident set of the largest process of the step (MB). */
  readonly peakRssMb: number;
  readonly log: string;
}

export async function runStep(
  name: string,
  bin: string,
  binArgs: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
): Promise<StepResult> {
  const log = join(logDir, `${name}.log`);
  const timeFile = join(logDir, `${name}.time`);
  const out = openSync(log, "w");
  const started = performance.now();
  const child = spawn(gnuTime, ["-f", "%e %M", "-o", timeFile, bin, ...binArgs], {
    cwd,
    env,
    stdio: ["ignore", out, out],
  });
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolve) => child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const elapsed = (performance.now() - started) / 1000;
  // On failure GNU time writes "Command exited with non-zero status N" (or
  // "Command terminated by signal N") before the figures.
  const timeText = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim() : "";
  const figures = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(timeText);
  const killedBy = /terminated by signal (\d+)/.exec(timeText)?.[1];
  return {
    name,
    command: `${relative(repoRoot, bin)} ${binArgs.join(" ")}`,
    exitCode: code,
    signal: killedBy ? `signal ${killedBy}` : signal,
    seconds: figures ? Number(figures[1]) : Math.round(elapsed * 100) / 100,
    peakRssMb: figures ? Math.round(Number(figures[2]) / 1024) : 0,
    log,
  };
}

export function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/** Why a step failed, in one line, from its exit status and log. */
export function diagnose(step: StepResult): string {
  const text = existsSync(step.log) ? readFileSync(step.log, "utf8") : "";
  if (/heap out of memory|Reached heap limit/i.test(text))
    return `V8 heap exhausted (JavaScript heap out of memory) at ${step.peakRssMb} MB RSS`;
  if (step.signal === "signal 9" || step.exitCode === 137)
    return `killed (SIGKILL, likely the kernel OOM killer) at ${step.peakRssMb} MB RSS`;
  if (step.signal) return `terminated by ${step.signal}`;
  const errorLine = text.split("\n").find((line) => /error/i.test(line));
  return `exit code ${step.exitCode}${errorLine ? `: ${errorLine.trim().slice(0, 200)}` : ""}`;
}
