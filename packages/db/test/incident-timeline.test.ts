import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addIncidentSubscription,
  createIncident,
  type IncidentNotice,
  incidentHistory,
  listOutbox,
  removeIncidentSubscription,
  resolveIncident,
  subscribersOf,
  timelinesOf,
  updateIncident,
} from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const at = (iso: string) => new Date(iso);
const posted = (startedAt = at("2026-11-21T09:00:00Z")) =>
  createIncident(
    database.db,
    {
      service: "mail",
      impact: "outage",
      status: "investigating",
      startedAt,
      message: { en: "Mail is down.", de: "Mail ist ausgefallen." },
    },
    startedAt,
  );

/** One mail per subscriber, saying the stage, with the headers an incident mail carries. */
const notice: IncidentNotice = (_incident, update, subscribers) =>
  subscribers.map((s) => ({
    kind: "incident-update",
    recipient: s.email,
    locale: s.locale,
    subject: `Stage: ${update.stage}`,
    body: update.message[s.locale] ?? update.message.en ?? "",
    headers: { "List-Unsubscribe": `<https://help.example/u/${s.id}>` },
  }));

describe("an incident's timeline", () => {
  it("starts with the posted stage and message, and lists later updates newest first", async () => {
    const incident = await posted();
    await updateIncident(
      database.db,
      incident.id,
      { status: "identified", message: { en: "A disk failed." } },
      at("2026-11-21T09:30:00Z"),
    );
    const timeline = (await timelinesOf(database.db, [incident.id])).get(incident.id);
    expect(timeline?.map((u) => [u.stage, u.message])).toEqual([
      ["identified", { en: "A disk failed." }],
      ["investigating", { en: "Mail is down.", de: "Mail ist ausgefallen." }],
    ]);
  });

  it("gets no entry for a change of impact alone", async () => {
    const incident = await posted();
    await updateIncident(
      database.db,
      incident.id,
      { impact: "degraded" },
      at("2026-11-21T09:10:00Z"),
    );
    const timeline = (await timelinesOf(database.db, [incident.id])).get(incident.id);
    expect(timeline).toHaveLength(1);
  });

  it("ends with a resolved entry carrying the closing message", async () => {
    const incident = await posted();
    await resolveIncident(database.db, incident.id, at("2026-11-21T11:00:00Z"), { en: "Fixed." });
    const [last] = (await timelinesOf(database.db, [incident.id])).get(incident.id) ?? [];
    expect(last).toMatchObject({ stage: "resolved", message: { en: "Fixed." } });
  });
});

describe("the incident history", () => {
  it("holds the active incidents and those resolved in the last 90 days, not older ones", async () => {
    const old = await posted(at("2026-07-01T09:00:00Z"));
    await resolveIncident(database.db, old.id, at("2026-07-02T09:00:00Z"));
    const recent = await posted(at("2026-11-01T09:00:00Z"));
    await resolveIncident(database.db, recent.id, at("2026-11-02T09:00:00Z"));
    const active = await posted(at("2026-11-21T09:00:00Z"));
    const history = await incidentHistory(database.db, at("2026-11-21T10:00:00Z"));
    expect(history.map((i) => i.id)).toEqual([active.id, recent.id]);
    expect(history[1]?.updates.map((u) => u.stage)).toEqual(["resolved", "investigating"]);
  });
});

describe("incident subscriptions", () => {
  it("keep one subscription per address and service, in the latest language", async () => {
    await addIncidentSubscription(
      database.db,
      { service: "mail", email: "Ana@Example.com ", locale: "de" },
      at("2026-11-21T08:00:00Z"),
    );
    await addIncidentSubscription(
      database.db,
      { service: "mail", email: "ana@example.com", locale: "it" },
      at("2026-11-21T08:05:00Z"),
    );
    const subscribers = await subscribersOf(database.db, "mail");
    expect(subscribers.map((s) => [s.email, s.locale])).toEqual([["ana@example.com", "it"]]);
  });

  it("are removed only with the address they were made for", async () => {
    const subscription = await addIncidentSubscription(
      database.db,
      { service: "mail", email: "ana@example.com", locale: "de" },
      at("2026-11-21T08:00:00Z"),
    );
    expect(
      await removeIncidentSubscription(database.db, subscription.id, "eve@example.com"),
    ).toBeNull();
    expect(
      await removeIncidentSubscription(database.db, subscription.id, "ANA@example.com"),
    ).not.toBeNull();
    expect(await subscribersOf(database.db, "mail")).toEqual([]);
  });

  it("get one mail per posted, updated and resolved stage, with its headers, in the same transaction", async () => {
    await addIncidentSubscription(
      database.db,
      { service: "mail", email: "ana@example.com", locale: "de" },
      at("2026-11-21T08:00:00Z"),
    );
    await addIncidentSubscription(
      database.db,
      { service: "portal", email: "bo@example.com", locale: "en" },
      at("2026-11-21T08:00:00Z"),
    );
    const start = at("2026-11-21T09:00:00Z");
    const incident = await createIncident(
      database.db,
      {
        service: "mail",
        impact: "outage",
        status: "investigating",
        startedAt: start,
        message: { en: "Down.", de: "Ausgefallen." },
      },
      start,
      undefined,
      notice,
    );
    await updateIncident(
      database.db,
      incident.id,
      { status: "monitoring" },
      at("2026-11-21T09:30:00Z"),
      undefined,
      notice,
    );
    await resolveIncident(
      database.db,
      incident.id,
      at("2026-11-21T10:00:00Z"),
      undefined,
      undefined,
      undefined,
      notice,
    );
    const mail = await listOutbox(database.db);
    expect(mail.map((m) => [m.recipient, m.subject])).toEqual([
      ["ana@example.com", "Stage: investigating"],
      ["ana@example.com", "Stage: monitoring"],
      ["ana@example.com", "Stage: resolved"],
    ]);
    expect(mail[0]).toMatchObject({
      body: "Ausgefallen.",
      requestId: null,
      headers: { "List-Unsubscribe": expect.stringMatching(/^<https:/) },
    });
  });
});
