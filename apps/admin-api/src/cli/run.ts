import { parseArgs } from "node:util";
import { openDatabase } from "@frontline/db";
import { ConfigError, loadConfig } from "../config.ts";
import { systemClock } from "../platform/deps.ts";
import { Problem } from "../platform/problem.ts";
import { type AnyCommand, type ShellContext, UsageError } from "./command.ts";
import { commands } from "./commands/index.ts";

export interface CliIo {
  readonly env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 done, 1 refused (no such user, last admin…), 2 wrong usage, 78 bad configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

const usageLine = (name: string, command: AnyCommand) =>
  `npm run admin -- ${name}${command.usage ? ` ${command.usage}` : ""}`;

function help(io: CliIo): void {
  io.out("Staff chores from the shell. Usage: npm run admin -- <command> [flags]");
  io.out("");
  io.out("Commands:");
  const width = Math.max(...Object.keys(commands).map((name) => name.length), "help".length);
  for (const [name, command] of Object.entries(commands)) {
    io.out(`  ${name.padEnd(width)}  ${command.summary}`);
  }
  io.out(`  ${"help".padEnd(width)}  Show this list, or one command's flags: help <command>`);
  io.out("");
  io.out("The database is DATABASE_URL (default ./data/frontline.db), as for the server.");
  io.out('Every change is written to the audit log with the actor "cli".');
}

function commandHelp(io: CliIo, name: string, command: AnyCommand): void {
  io.out(command.summary);
  io.out("");
  io.out(`Usage: ${usageLine(name, command)}`);
}

type Flags = Record<string, string | boolean | undefined>;

/** `help`, `help <command>`, or nothing at all: the exit code, or null for any other command line. */
function helpRequested(
  io: CliIo,
  name: string | undefined,
  rest: readonly string[],
): number | null {
  if (name && name !== "help" && name !== "--help" && name !== "-h") return null;
  const about = rest[0] ? commands[rest[0]] : undefined;
  if (rest[0] && about) commandHelp(io, rest[0], about);
  else if (rest[0]) {
    io.err(`Unknown command "${rest[0]}".`);
    help(io);
    return EXIT.usage;
  } else help(io);
  return name ? EXIT.ok : EXIT.usage;
}

/** The command's flags and arguments, or the usage exit code after saying what is wrong. */
function parseCommandLine(
  io: CliIo,
  name: string,
  command: AnyCommand,
  rest: readonly string[],
): { flags: Flags; args: string[] } | number {
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: command.options,
      strict: true,
      allowPositionals: (command.positionals ?? 0) > 0,
    });
    const extra = parsed.positionals[command.positionals ?? 0];
    if (extra !== undefined) throw new UsageError(`Unexpected argument '${extra}'.`);
    return { flags: parsed.values as Flags, args: parsed.positionals };
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(`Usage: ${usageLine(name, command)}`);
    return EXIT.usage;
  }
}

/** What every command gets: the clock, the configuration, where the operator is, and the output. */
function shellFor(io: CliIo): ShellContext | number {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return EXIT.config;
    }
    throw error;
  }
  // npm runs scripts in the package folder; INIT_CWD is where the operator was.
  return {
    clock: systemClock,
    config,
    cwd: io.env.INIT_CWD || process.cwd(),
    out: io.out,
  };
}

/** Runs the command, on the database unless it manages the database itself, and maps refusals to exit codes. */
async function runCommand(
  io: CliIo,
  name: string,
  command: AnyCommand,
  shell: ShellContext,
  line: { flags: Flags; args: string[] },
): Promise<number> {
  const { flags, args } = line;
  try {
    let code: number | undefined;
    if (command.managesDatabase) code = await command.run(shell, flags, args);
    else {
      const database = openDatabase(shell.config.databaseUrl);
      try {
        code = await command.run({ ...shell, db: database.db }, flags, args);
      } finally {
        database.close();
      }
    }
    return code ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err(`Usage: ${usageLine(name, command)}`);
      return EXIT.usage;
    }
    if (error instanceof Problem) {
      io.err(`Not done: ${error.detail ?? error.title}`);
      return EXIT.failed;
    }
    throw error;
  }
}

/** Runs one command line (without the leading node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const helped = helpRequested(io, name, rest);
  // No name at all always gets the help (and EXIT.usage); `!name` only tells TypeScript so.
  if (helped !== null || !name) return helped ?? EXIT.usage;
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`Unknown command "${name}". Run "npm run admin -- help" for the list.`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    commandHelp(io, name, command);
    return EXIT.ok;
  }
  const line = parseCommandLine(io, name, command, rest);
  if (typeof line === "number") return line;
  const shell = shellFor(io);
  if (typeof shell === "number") return shell;
  return runCommand(io, name, command, shell, line);
}
