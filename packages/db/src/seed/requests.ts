/**
 * The seeded requests: what each one is about, who filed it and what
 * happened to it since (drawRequest), then written with prepared statements
 * on the raw connection (writeRequest). Drawing and writing are apart so the
 * random draws keep their order: the same seed gives the same requests.
 */
import { randomBytes } from "node:crypto";
import {
  type CategoryId,
  categoryIds,
  defaultPartnerPolicy,
  formatRequestNumber,
  type Locale,
  type SeverityId,
} from "@frontline/core";
import type Database from "better-sqlite3";
import { organisationName, personName } from "./names.ts";
import { filingTimes, type SeedCustomer, type SeedIncident, seedArticles } from "./parties.ts";
import type { Random } from "./random.ts";
import { requestStory, type SeedStaff, type StoryEvent, statusForAge } from "./story.ts";
import { descriptionFor, subjectFor } from "./text.ts";

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

/** What the requests are drawn from: the parties seeded before them. */
export interface SeedWorld {
  readonly now: number;
  readonly services: readonly string[];
  readonly staff: readonly SeedStaff[];
  readonly customers: readonly SeedCustomer[];
  readonly incidents: readonly SeedIncident[];
}

type DrawnRequest = ReturnType<typeof drawRequest>;

/** One request filed at `createdAt`, every random choice in the order the seed has always made them. */
function drawRequest(random: Random, createdAt: number, world: SeedWorld) {
  const { now, services, staff, customers, incidents } = world;
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
  const subject = subjectFor(random, category);
  const incidentId = incident && random.chance(0.5) ? incident.id : null;
  return {
    createdAt,
    category,
    severity,
    service,
    status,
    who,
    story,
    seen,
    description,
    locale,
    subject,
    incidentId,
  };
}

function prepareStatements(client: Database.Database) {
  return {
    request: client.prepare(
      `INSERT INTO requests (number, customer_id, locale, category, service, severity, status, subject, description,
         organisation, contact_name, contact_email, tracking_token_hash, created_at, updated_at, first_response_at,
         resolved_at, version, incident_id, suggested_articles, opened_articles, assignee_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: client.prepare(
      "INSERT INTO request_events (request_id, type, actor, visibility, body, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    escalation: client.prepare(
      `INSERT INTO escalations (request_id, status, packet, submitted_by, submitted_at, updated_at)
       VALUES (?, 'submitted', ?, ?, ?, ?)`,
    ),
    lastSequence: client.prepare("SELECT last FROM request_sequences WHERE year = ?"),
    saveSequence: client.prepare(
      "INSERT INTO request_sequences (year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * Request numbers per year, continuing after any the database already has
 * (a forced seed adds to real requests); saved once at the end.
 */
function requestNumbers(statements: Statements) {
  const sequences = new Map<number, number>();
  return {
    next(createdAt: number): string {
      const year = new Date(createdAt).getUTCFullYear();
      const sequence =
        (sequences.get(year) ??
          (statements.lastSequence.get(year) as { last: number } | undefined)?.last ??
          0) + 1;
      sequences.set(year, sequence);
      return formatRequestNumber(year, sequence);
    },
    save(): void {
      for (const [year, last] of sequences) statements.saveSequence.run(year, last);
    },
  };
}

/** The escalation record behind an "escalation" entry; the entry's data points at it. */
function writeEscalation(
  statements: Statements,
  id: number,
  request: DrawnRequest,
  assignee: SeedStaff,
  event: StoryEvent,
): Record<string, unknown> {
  const packet = {
    service: request.service,
    severity: request.severity,
    description: request.description,
    stepsTried: ["Checked the tenant settings and reproduced the problem."],
    serviceHealth: {
      checkedAt: new Date(event.at).toISOString(),
      status: "operational",
      incidentId: null,
    },
    articlesSeen: request.seen.suggested,
    selfHelpOffered: true,
    partnerContact: "desk@partner.example",
  };
  const escalationId = statements.escalation.run(
    id,
    JSON.stringify(packet),
    assignee.id,
    event.at,
    event.at,
  ).lastInsertRowid;
  return { escalationId: Number(escalationId), stepsTried: packet.stepsTried };
}

/** Writes the request and its timeline; returns the request's id. */
function writeRequest(statements: Statements, number: string, request: DrawnRequest): number {
  const { createdAt, story, who, description } = request;
  const lastAt = story.events.at(-1)?.at ?? createdAt;
  const id = Number(
    statements.request.run(
      number,
      who.customer?.id ?? null,
      request.locale,
      request.category,
      request.service,
      request.severity,
      request.status,
      request.subject,
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
      request.incidentId,
      JSON.stringify(request.seen.suggested),
      JSON.stringify(request.seen.opened),
      story.assignee?.id ?? null,
    ).lastInsertRowid,
  );
  statements.event.run(id, "created", "customer", "public", description, null, createdAt);
  for (const event of story.events) {
    const data =
      event.type === "escalation" && story.assignee
        ? writeEscalation(statements, id, request, story.assignee, event)
        : event.data;
    statements.event.run(
      id,
      event.type,
      event.actor,
      event.visibility,
      event.body,
      data ? JSON.stringify(data) : null,
      event.at,
    );
  }
  return id;
}

/**
 * Seeds `count` requests inside the caller's transaction. Returns how many
 * timeline entries were written and the first new request's id (the search
 * index is filled from there).
 */
export function seedRequests(
  client: Database.Database,
  random: Random,
  count: number,
  world: SeedWorld,
): { events: number; firstId: number | undefined } {
  const statements = prepareStatements(client);
  const numbers = requestNumbers(statements);
  let events = 0;
  let firstId: number | undefined;
  for (const createdAt of filingTimes(random, count, world.now)) {
    const number = numbers.next(createdAt);
    const request = drawRequest(random, createdAt, world);
    const id = writeRequest(statements, number, request);
    firstId ??= id;
    events += 1 + request.story.events.length;
  }
  numbers.save();
  return { events, firstId };
}
