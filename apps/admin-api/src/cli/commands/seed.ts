import { applySlaPolicy, DatabaseNotEmptyError, seedDatabase } from "@frontline/db";
import { Problem } from "../../platform/problem.ts";
import {
  auditCommand,
  type Command,
  type FlagValues,
  requiredFlag,
  UsageError,
} from "../command.ts";

function count(flags: FlagValues, name: string, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max.toLocaleString("en")}.`);
  }
  return value;
}

/**
 * Fills the database with invented requests for demos and load tests, e.g.
 * `npm run admin -- seed --requests 100000`. Refuses a database that holds
 * requests already (real ones must never mix with invented ones) unless --force.
 */
export const seedCommand: Command = {
  summary: "Fill the database with realistic invented requests (for demos and load tests)",
  usage: "--requests <n> [--customers <n>] [--seed <n>] [--force]",
  options: {
    requests: { type: "string" },
    customers: { type: "string" },
    seed: { type: "string" },
    force: { type: "boolean" },
  },
  async run(context, flags) {
    requiredFlag(flags, "requests");
    const requests = count(flags, "requests", 1_000_000) ?? 0;
    const customers = count(flags, "customers", 100_000);
    const seed = count(flags, "seed", 2 ** 31);
    const now = context.clock.now();
    // Due instants are computed with the policy the server will run with.
    await applySlaPolicy(context.db, context.config.partnerPolicy, now);
    context.out(`Seeding ${requests.toLocaleString("en")} requests…`);
    try {
      const summary = await seedDatabase(context.db, {
        requests,
        now,
        services: context.config.services.map((s) => s.id),
        force: flags.force === true,
        ...(customers ? { customers } : {}),
        ...(seed ? { seed } : {}),
      });
      await auditCommand(context.db, now, { action: "database.seed", detail: { ...summary } });
      context.out(
        `Done in ${(summary.ms / 1000).toFixed(1)} s: ${summary.requests.toLocaleString("en")} requests with ${summary.events.toLocaleString("en")} timeline entries, ${summary.customers} customers, ${summary.staff} staff (they cannot sign in), ${summary.incidents} incidents.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof DatabaseNotEmptyError) {
        throw new Problem(
          409,
          "database-not-empty",
          "Not seeded",
          `${error.message} Add --force to seed anyway.`,
        );
      }
      throw error;
    }
  },
};
