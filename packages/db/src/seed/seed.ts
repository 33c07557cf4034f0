import { defaultServices } from "@frontline/core";
import type Database from "better-sqlite3";
import { type Db, withRawConnection } from "../client.ts";
import { refreshAllSla } from "../sla.ts";
import { indexForSearch, suspendSearchTriggers } from "./bulk.ts";
import { seedCustomers, seedFeedback, seedIncidents, seedStaff } from "./parties.ts";
import { randomSource } from "./random.ts";
import { seedRequests } from "./requests.ts";

export interface SeedOptions {
  readonly requests: number;
  /** The end of the 90 days the requests are spread over. */
  readonly now: Date;
  /** Defaults to one per hundred requests, between 5 and 1,000. */
  readonly customers?: number;
  readonly services?: readonly string[];
  /** Seed of the random generator: the same number gives the same data. */
  readonly seed?: number;
  /** Seed even though the database already has requests (adds to them). */
  readonly force?: boolean;
}

export interface SeedSummary {
  readonly requests: number;
  readonly events: number;
  readonly customers: number;
  readonly staff: number;
  readonly incidents: number;
  readonly ms: number;
}

/** Seeding would mix made-up requests into real ones; refused unless forced. */
export class DatabaseNotEmptyError extends Error {}

/**
 * Fills a database with `requests` realistic support requests spread over
 * the 90 days before `now`: every status, severity, category and service,
 * customers with subscriptions, 1–6 timeline entries each with varied text,
 * assignments, escalations, incidents, article feedback, and SLA breaches.
 * One transaction with prepared statements; the search index fills through
 * its triggers and the SLA columns are computed at the end.
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedSummary> {
  return withRawConnection(db, (client) => seedWith(client, options));
}

/** The seed itself: synchronous, on the raw connection, in better-sqlite3's own transaction. */
function seedWith(client: Database.Database, options: SeedOptions): SeedSummary {
  const started = performance.now();
  const existing = (client.prepare("SELECT count(*) AS n FROM requests").get() as { n: number }).n;
  if (existing > 0 && !options.force) {
    throw new DatabaseNotEmptyError(
      `The database already has ${existing} requests; seeding would mix invented ones in.`,
    );
  }
  const random = randomSource(options.seed ?? 20261121);
  const now = options.now.getTime();
  const services = options.services ?? defaultServices.map((s) => s.id);
  const customerCount =
    options.customers ?? Math.max(5, Math.min(1000, Math.round(options.requests / 100)));

  // A large page cache keeps the one big transaction from spilling to disk midway.
  const cacheSize = client.pragma("cache_size", { simple: true });
  client.pragma("cache_size = -262144");
  const seeded = client.transaction(() => {
    const restoreTriggers = suspendSearchTriggers(client);
    const staff = seedStaff(client, now);
    const customers = seedCustomers(client, random, customerCount, services, now);
    const incidents = seedIncidents(client, random, services, now);
    const { events, firstId } = seedRequests(client, random, options.requests, {
      now,
      services,
      staff,
      customers,
      incidents,
    });
    seedFeedback(client, random, now);
    if (firstId !== undefined) indexForSearch(client, firstId);
    restoreTriggers();
    refreshAllSla(client);
    return { events, staff: staff.length, incidents: incidents.length };
  })();
  client.pragma(`cache_size = ${cacheSize}`);
  // Merge the search index's segments once, so searches on the fresh data are fast.
  client.prepare("INSERT INTO request_search (request_search) VALUES ('optimize')").run();
  // Fold the bulk load's write-ahead log into the database file instead of leaving it on disk.
  client.pragma("wal_checkpoint(TRUNCATE)");
  return {
    requests: options.requests,
    events: seeded.events,
    customers: customerCount,
    staff: seeded.staff,
    incidents: seeded.incidents,
    ms: Math.round(performance.now() - started),
  };
}
