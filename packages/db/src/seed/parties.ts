import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { organisationName, personName } from "./names.ts";
import type { Random } from "./random.ts";
import type { SeedStaff } from "./story.ts";

const DAY = 24 * 60 * 60_000;
export const SEED_SPAN_MS = 90 * DAY;
const SPAN = SEED_SPAN_MS;

// Real help-center articles, so suggested and opened articles resolve.
export const seedArticles = [
  "activation-email-not-received",
  "change-the-number-of-seats",
  "check-service-health",
  "connect-desktop-apps",
  "dispute-a-charge",
  "faq-accounts-and-sign-in",
  "fix-common-configuration-mistakes",
  "grant-delegated-admin-access",
  "network-requirements",
  "problems-after-an-update",
  "read-your-invoice",
  "repeated-password-prompts",
  "set-up-mail-for-your-domain",
  "set-up-multi-factor-sign-in",
  "slow-file-sync",
  "update-desktop-office-apps",
  "virtual-machine-performance",
  "vpn-and-proxy-problems",
];

/** Filing times over the last 90 days: busier on weekdays and in office hours. */
export function filingTimes(random: Random, count: number, now: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    const t = now - Math.floor(random.next() * SPAN);
    const d = new Date(t);
    const weekday = d.getUTCDay() % 6 !== 0;
    const hour = (d.getUTCHours() + 8) % 24; // China Standard Time
    const weight = (weekday ? 1 : 0.35) * (hour >= 8 && hour < 19 ? 1 : 0.25);
    if (random.next() < weight) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

export function seedStaff(client: Database.Database, now: number): SeedStaff[] {
  const insert = client.prepare(
    `INSERT INTO staff_users (email, name, role, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, 'seed$no-sign-in', ?, ?) ON CONFLICT(email) DO NOTHING`,
  );
  const find = client.prepare("SELECT id, name, role FROM staff_users WHERE email = ?");
  const people: [string, string, "agent" | "admin"][] = [
    ["Ada Chen", "ada.chen", "admin"],
    ...[
      "Bo Wang",
      "Carla Rossi",
      "Dev Patel",
      "Elena Weber",
      "Feng Liu",
      "Gao Yan",
      "Hanna Berg",
      "Ivo Marchetti",
    ].map((name): [string, string, "agent"] => [
      name,
      name.toLowerCase().replace(" ", "."),
      "agent",
    ]),
  ];
  return people.map(([name, handle, role]) => {
    const email = `${handle}@seed.frontline.invalid`;
    insert.run(email, name, role, now, now);
    return find.get(email) as SeedStaff;
  });
}

export interface SeedCustomer {
  readonly id: number;
  readonly organisation: string;
  readonly tenantDomain: string;
  readonly contacts: { name: string; email: string }[];
}

export function seedCustomers(
  client: Database.Database,
  random: Random,
  count: number,
  services: readonly string[],
  now: number,
): SeedCustomer[] {
  const insert = client.prepare(
    "INSERT INTO customers (organisation, tenant_domain, contacts, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
  );
  const exists = client.prepare("SELECT 1 FROM customers WHERE tenant_domain = ?");
  const subscribe = client.prepare(
    `INSERT INTO subscriptions (customer_id, service, seats, status, renewal_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const result: SeedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const organisation = organisationName(random);
    const slug = organisation.split(" ")[0]?.toLowerCase() ?? "tenant";
    let tenantDomain = `${slug}.partner.cn`;
    for (let n = 2; exists.get(tenantDomain); n++) tenantDomain = `${slug}${n}.partner.cn`;
    const mailDomain = tenantDomain.replace(".partner.cn", ".cn");
    const contacts = Array.from({ length: random.int(1, 3) }, () => {
      const name = personName(random);
      return {
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${mailDomain}`,
        phone: `+86 21 ${random.int(1000, 9999)} ${random.int(1000, 9999)}`,
      };
    });
    const createdAt = now - SPAN - random.int(1, 700) * DAY;
    const id = Number(
      insert.run(organisation, tenantDomain, JSON.stringify(contacts), createdAt, createdAt)
        .lastInsertRowid,
    );
    const bought = [...services]
      .sort(() => random.next() - 0.5)
      .slice(0, random.int(1, Math.min(4, services.length)));
    for (const service of bought) {
      const status = random.weighted<string>([
        ["active", 90],
        ["suspended", 5],
        ["cancelled", 5],
      ]);
      subscribe.run(
        id,
        service,
        random.int(5, 500),
        status,
        now + random.int(5, 365) * DAY,
        createdAt,
        createdAt,
      );
    }
    result.push({ id, organisation, tenantDomain, contacts });
  }
  return result;
}

export interface SeedIncident {
  readonly id: number;
  readonly service: string;
  readonly from: number;
  readonly to: number;
}

export function seedIncidents(
  client: Database.Database,
  random: Random,
  services: readonly string[],
  now: number,
): SeedIncident[] {
  const insert = client.prepare(
    `INSERT INTO service_incidents (service, impact, status, message, started_at, updated_at, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return Array.from({ length: 8 }, (_, i) => {
    const service = random.pick(services);
    const active = i >= 6;
    const from = active ? now - random.int(1, 5) * 3_600_000 : now - random.int(2, 88) * DAY;
    const to = active ? now : from + random.int(1, 10) * 3_600_000;
    const impact = random.chance(0.3) ? "outage" : "degraded";
    const message = {
      en: `${service}: ${impact === "outage" ? "unavailable" : "slow or failing"} for some customers; engineers are working on it.`,
    };
    const id = Number(
      insert.run(
        service,
        impact,
        active ? "investigating" : "resolved",
        JSON.stringify(message),
        from,
        to,
        active ? null : to,
      ).lastInsertRowid,
    );
    return { id, service, from, to };
  });
}

/** "Was this helpful?" answers on the articles customers saw before filing. */
export function seedFeedback(client: Database.Database, random: Random, now: number) {
  const insert = client.prepare(
    `INSERT INTO article_feedback (submission_id, locale, article, helpful, comment, created_at, updated_at)
     VALUES (?, 'en', ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 2_000; i++) {
    const at = now - random.int(0, 89) * 86_400_000;
    const helpful = random.chance(0.7);
    const comment =
      !helpful && random.chance(0.3) ? "The steps did not match what I see on screen." : null;
    insert.run(randomUUID(), random.pick(seedArticles), helpful ? 1 : 0, comment, at, at);
  }
}
