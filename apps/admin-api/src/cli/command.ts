import type { ParseArgsOptionsConfig } from "node:util";
import type { Db } from "@frontline/db";
import type { ServerConfig } from "../config.ts";
import type { Clock } from "../platform/deps.ts";

/** What a command gets: the open database and somewhere to write. */
export interface CliContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: ServerConfig;
  /** Normal output (stdout). */
  out(line: string): void;
}

export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * One `npm run admin -- <name>` command. Flags are declared as node:util
 * parseArgs options, so unknown or malformed flags are refused (exit 2)
 * before `run` is called. `run` returns the exit code (0 when omitted).
 */
export interface Command {
  readonly summary: string;
  /** The flags as the help shows them, e.g. "--email <email> [--password <password>]". */
  readonly usage: string;
  readonly options: ParseArgsOptionsConfig;
  run(context: CliContext, flags: FlagValues): Promise<number | undefined>;
}

/** Wrong or missing flags: the CLI prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {}

/** A string flag that must be there. */
export function requiredFlag(flags: FlagValues, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`--${name} is required.`);
  }
  return value;
}
