import type { ParseArgsOptionsConfig } from "node:util";
import type { Db } from "@frontline/db";
import type { ServerConfig } from "../config.ts";
import { audit, cliActor, type WhatHappened } from "../platform/actor.ts";
import type { Clock } from "../platform/deps.ts";

/** What every command gets: the settings and somewhere to write. */
export interface ShellContext {
  readonly clock: Clock;
  readonly config: ServerConfig;
  /** The folder the operator typed the command in; file arguments are relative to it. */
  readonly cwd: string;
  /** Normal output (stdout). */
  out(line: string): void;
}

/** What a command gets unless it manages the database itself: the database, open. */
export interface CliContext extends ShellContext {
  readonly db: Db;
}

export type FlagValues = Record<string, string | boolean | undefined>;

interface CommandShape {
  readonly summary: string;
  /** The arguments and flags as the help shows them, e.g. "--email <email> [--password <password>]". */
  readonly usage: string;
  readonly options: ParseArgsOptionsConfig;
  /**
   * How many plain arguments (like a file name) it takes at most; none
   * unless set, so a stray word is refused as before.
   */
  readonly positionals?: number;
}

/**
 * One `npm run admin -- <name>` command. Flags are declared as node:util
 * parseArgs options, so unknown or malformed flags are refused (exit 2)
 * before `run` is called. `run` returns the exit code (0 when omitted).
 */
export interface Command extends CommandShape {
  readonly managesDatabase?: false;
  run(context: CliContext, flags: FlagValues, args: readonly string[]): Promise<number | undefined>;
}

/**
 * A command that opens the database itself, or needs it closed (restore
 * must find no connection open, its own included).
 */
export interface SelfManagedCommand extends CommandShape {
  readonly managesDatabase: true;
  run(
    context: ShellContext,
    flags: FlagValues,
    args: readonly string[],
  ): Promise<number | undefined>;
}

export type AnyCommand = Command | SelfManagedCommand;

/** Records what a command did, as the shell's user, at `at` (when the command began its work). */
export function auditCommand(db: Db, at: Date, entry: WhatHappened): Promise<void> {
  return audit({ db, clock: { now: () => at } }, cliActor(), entry);
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
