import { randomBytes } from "node:crypto";
import {
  type CategoryId,
  categoryIds,
  defaultPartnerPolicy,
  defaultServices,
  formatRequestNumber,
  type Locale,
  type SeverityId,
} from "@frontline/core";
import type Database from "better-sqlite3";
import { type Db, withRawConnection } from "../client.ts";
import { refreshAllSla } from "../sla.ts";
import { indexForSearch, suspendSearchTriggers } from "./bulk.ts";
import {
  filingTimes,
  type SeedCustomer,
  type SeedIncident,
  seedArticles,
  seedCustomers,
  seedFeedback,
  seedIncidents,
  seedStaff,
} from "./parties.ts";
import { requestStory, statusForAge } from "./story.ts";
import {
  descriptionFor,
  organisationName,
  personName,
  type Random,
  randomSource,
  subjectFor,
} from "./text.ts";

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

const categoryWeights: [CategoryId, number][] = categoryIds.map((id) => [
  id,
  id === "connectivity" || id === "configuration" ? 20 : id === "billing" ? 15 : 10,
]);

function articlesSeen(random: Random) {
  const suggested = [
    ...new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(seedArticles))),
  ];
  const opened = suggested.filter(() => random.chance(0.5));
  return { suggested, opened };
}

/** The customer (weighted: a few big customers file most requests) or an organisation nobody matched. */
function requester(random: Random, customers: readonly SeedCustomer[]) {
  if (customers.length === 0 || random.chance(0.05)) {
    const name = personName(random);
    return {
      customer: null,
      organisation: organisationName(random),
      contactName: name,
      contactEmail: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.cn`,
    };
  }
  const customer = customers[Math.floor(customers.length * random.next() ** 2)] as SeedCustomer;
  const contact = random.pick(customer.contacts);
  return {
    customer,
    organisation: random.chance(0.3) ? customer.tenantDomain : customer.organisation,
    contactName: contact.name,
    contactEmail: contact.email,
  };
}

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
  let events = 0;
  let incidentCount = 0;
  let staffCount = 0;

  // A large page cache keeps the one big transaction from spilling to disk midway.
  const cacheSize = client.pragma("cache_size", { simple: true });
  client.pragma("cache_size = -262144");
  client.transaction(() => {
    const restoreTriggers = suspendSearchTriggers(client);
    const staff = seedStaff(client, now);
    staffCount = staff.length;
    const customers = seedCustomers(client, random, customerCount, services, now);
    const incidents = seedIncidents(client, random, services, now);
    incidentCount = incidents.length;
    const insertRequest = client.prepare(
      `INSERT INTO requests (number, customer_id, locale, category, service, severity, status, subject, description,
         organisation, contact_name, contact_email, tracking_token_hash, created_at, updated_at, first_response_at,
         resolved_at, version, incident_id, suggested_articles, opened_articles, assignee_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEvent = client.prepare(
      "INSERT INTO request_events (request_id, type, actor, visibility, body, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const insertEscalation = client.prepare(
      `INSERT INTO escalations (request_id, status, packet, submitted_by, submitted_at, updated_at)
       VALUES (?, 'submitted', ?, ?, ?, ?)`,
    );
    const lastSequence = client.prepare("SELECT last FROM request_sequences WHERE year = ?");
    const saveSequence = client.prepare(
      "INSERT INTO request_sequences (year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
    );
    const sequences = new Map<number, number>();
    let firstId: number | undefined;
    for (const createdAt of filingTimes(random, options.requests, now)) {
      const year = new Date(createdAt).getUTCFullYear();
      const sequence =
        (sequences.get(year) ??
          (lastSequence.get(year) as { last: number } | undefined)?.last ??
          0) + 1;
      sequences.set(year, sequence);
      const category = random.weighted(categoryWeights);
      const severity = random.weighted<SeverityId>([
        ["A", 8],
        ["B", 27],
        ["C", 65],
      ]);
      const service = random.pick(services);
      const status = statusForAge(random, now - createdAt);
      const who = requester(random, customers);
      const story = requestStory(
        random,
        { status, severity, createdAt, service },
        staff,
        now,
        defaultPartnerPolicy,
      );
      const seen = articlesSeen(random);
      const incident = incidents.find(
        (i: SeedIncident) => i.service === service && createdAt >= i.from && createdAt <= i.to,
      );
      const description = descriptionFor(random);
      const locale = random.weighted<Locale>([
        ["en", 60],
        ["de", 15],
        ["it", 10],
        ["zh-cn", 15],
      ]);
      const lastAt = story.events.at(-1)?.at ?? createdAt;
      const id = Number(
        insertRequest.run(
          formatRequestNumber(year, sequence),
          who.customer?.id ?? null,
          locale,
          category,
          service,
          severity,
          status,
          subjectFor(random, category),
          description,
          who.organisation,
          who.contactName,
          who.contactEmail,
          randomBytes(32).toString("hex"),
          createdAt,
          lastAt,
          story.firstResponseAt,
          story.resolvedAt,
          1 + story.events.length,
          incident && random.chance(0.5) ? incident.id : null,
          JSON.stringify(seen.suggested),
          JSON.stringify(seen.opened),
          story.assignee?.id ?? null,
        ).lastInsertRowid,
      );
      firstId ??= id;
      insertEvent.run(id, "created", "customer", "public", description, null, createdAt);
      for (const event of story.events) {
        let data = event.data;
        if (event.type === "escalation" && story.assignee) {
          const packet = {
            service,
            severity,
            description,
            stepsTried: ["Checked the tenant settings and reproduced the problem."],
            serviceHealth: {
              checkedAt: new Date(event.at).toISOString(),
              status: "operational",
              incidentId: null,
            },
            articlesSeen: seen.suggested,
            selfHelpOffered: true,
            partnerContact: "desk@partner.example",
          };
          const escalationId = insertEscalation.run(
            id,
            JSON.stringify(packet),
            story.assignee.id,
            event.at,
            event.at,
          ).lastInsertRowid;
          data = { escalationId: Number(escalationId), stepsTried: packet.stepsTried };
        }
        insertEvent.run(
          id,
          event.type,
          event.actor,
          event.visibility,
          event.body,
          data ? JSON.stringify(data) : null,
          event.at,
        );
      }
      events += 1 + story.events.length;
    }
    for (const [year, last] of sequences) saveSequence.run(year, last);
    seedFeedback(client, random, now);
    if (firstId !== undefined) indexForSearch(client, firstId);
    restoreTriggers();
    refreshAllSla(client);
  })();
  client.pragma(`cache_size = ${cacheSize}`);
  // Merge the search index's segments once, so searches on the fresh data are fast.
  client.prepare("INSERT INTO request_search (request_search) VALUES ('optimize')").run();
  // Fold the bulk load's write-ahead log into the database file instead of leaving it on disk.
  client.pragma("wal_checkpoint(TRUNCATE)");
  return {
    requests: options.requests,
    events,
    customers: customerCount,
    staff: staffCount,
    incidents: incidentCount,
    ms: Math.round(performance.now() - started),
  };
}
