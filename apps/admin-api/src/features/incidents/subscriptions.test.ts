import { listOutbox, subscribersOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../../test/staff.ts";
import { callJson, postJson, readJson, testApp } from "../../../test/test-app.ts";
import { defaultRateLimits } from "../../platform/deps.ts";
import { signConfirmation } from "./subscription-links.ts";

const subscriber = { email: "Jonas.Berg@Contoso.example", service: "mail", locale: "de" };

/** The first link in a mail's text that goes to `path`, as a path and query the app answers. */
function linkIn(body: string | null | undefined, path: string): string {
  const found = new RegExp(`https://help\\.example(${path}\\?[^\\s]+)`).exec(body ?? "")?.[1];
  if (!found) throw new Error(`No ${path} link in:\n${body}`);
  return found;
}

/** What a mail client sends when its "Unsubscribe" button is pressed (RFC 8058). */
const oneClick = {
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: "List-Unsubscribe=One-Click",
};

async function subscribed() {
  const test = await testApp();
  const operator = await staffWithToken(test.db, "operator");
  expect((await postJson(test.app, "/api/v1/incident-subscriptions", subscriber)).status).toBe(202);
  const [confirmation] = await listOutbox(test.db);
  const confirm = linkIn(confirmation?.body, "/status-mail/confirm");
  expect((await test.app.request(confirm, { method: "POST" })).status).toBe(200);
  return { test, operator };
}

const postOutage = (test: Awaited<ReturnType<typeof testApp>>, headers: Record<string, string>) =>
  callJson(test.app, "POST", "/api/v1/incidents", headers, {
    service: "mail",
    impact: "outage",
    status: "investigating",
    startedAt: "2026-11-21T09:00:00Z",
    message: { en: "Mail cannot be sent.", de: "E-Mails können nicht gesendet werden." },
  });

describe("subscribing to a service's incidents", () => {
  it("sends only a confirmation mail in the reader's language, and stores no address before it is confirmed", async () => {
    const test = await testApp();
    const response = await postJson(test.app, "/api/v1/incident-subscriptions", subscriber);
    expect(response.status).toBe(202);
    expect(await readJson(response)).toEqual({ status: "confirmation-sent" });
    const mail = await listOutbox(test.db);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      recipient: "jonas.berg@contoso.example",
      subject: "Bitte bestätigen: Störungsmeldungen für E-Mail und Kalender",
    });
    expect(await subscribersOf(test.db, "mail")).toEqual([]);
    // An incident now mails no one: the address has not confirmed.
    const operator = await staffWithToken(test.db, "operator");
    await postOutage(test, operator.headers);
    expect(await listOutbox(test.db)).toHaveLength(1);
  });

  it("shows a button on the confirmation link and subscribes only when it is pressed", async () => {
    const test = await testApp();
    await postJson(test.app, "/api/v1/incident-subscriptions", subscriber);
    const [mail] = await listOutbox(test.db);
    const confirm = linkIn(mail?.body, "/status-mail/confirm");
    const page = await test.app.request(confirm);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Abonnement bestätigen");
    expect(await subscribersOf(test.db, "mail")).toEqual([]);
    const confirmed = await (await test.app.request(confirm, { method: "POST" })).text();
    expect(confirmed).toContain("Sie haben die Meldungen abonniert");
    expect((await subscribersOf(test.db, "mail")).map((s) => [s.email, s.locale])).toEqual([
      ["jonas.berg@contoso.example", "de"],
    ]);
  });

  it("mails every new stage in German, with one-click unsubscribe headers, until the subscriber unsubscribes", async () => {
    const { test, operator } = await subscribed();
    const incident = await readJson(await postOutage(test, operator.headers));
    await callJson(test.app, "PATCH", `/api/v1/incidents/${incident.id}`, operator.headers, {
      status: "identified",
      message: { en: "A storage node failed." },
    });
    const mails = (await listOutbox(test.db)).slice(1);
    expect(mails.map((m) => m.subject)).toEqual([
      "Störung: E-Mail und Kalender – Ausfall",
      "Neue Meldung: E-Mail und Kalender – Ursache erkannt",
    ]);
    expect(mails[1]?.body).toContain(
      "Diese Meldung gibt es nur auf Englisch.\nA storage node failed.",
    );
    const headers = mails[1]?.headers ?? {};
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = /^<https:\/\/help\.example(\/status-mail\/unsubscribe\?[^>]+)>$/.exec(
      headers["List-Unsubscribe"] ?? "",
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(mails[1]?.body).toContain(`https://help.example${unsubscribe}`);

    // The mail client's one-click POST: no page needed, the subscription is gone.
    const response = await test.app.request(unsubscribe ?? "", oneClick);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Sie haben die Meldungen abbestellt");
    expect(await subscribersOf(test.db, "mail")).toEqual([]);
    await callJson(
      test.app,
      "POST",
      `/api/v1/incidents/${incident.id}/resolution`,
      operator.headers,
      {},
    );
    expect(await listOutbox(test.db)).toHaveLength(3);
    // A second click on the old link says the same and changes nothing.
    expect((await test.app.request(unsubscribe ?? "", { method: "POST" })).status).toBe(200);
  });

  it("shows an unsubscribe button on GET and keeps the subscription until it is pressed", async () => {
    const { test, operator } = await subscribed();
    await postOutage(test, operator.headers);
    const [, update] = await listOutbox(test.db);
    const unsubscribe = linkIn(update?.body, "/status-mail/unsubscribe");
    const html = await (await test.app.request(unsubscribe)).text();
    expect(html).toContain('<button type="submit">Abbestellen</button>');
    expect(await subscribersOf(test.db, "mail")).toHaveLength(1);
  });
});

describe("bad input to subscriptions", () => {
  it("refuses a bad address, an unknown service or language with a problem naming the field, sending nothing", async () => {
    const test = await testApp();
    for (const [body, field] of [
      [{ ...subscriber, email: "not-an-address" }, "email"],
      [{ ...subscriber, service: "teleport" }, "service"],
      [{ ...subscriber, locale: "fr" }, "locale"],
    ] as const) {
      const response = await postJson(test.app, "/api/v1/incident-subscriptions", body);
      expect(response.status).toBe(422);
      expect(response.headers.get("Content-Type")).toContain("application/problem+json");
      const problem = await readJson(response);
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(await listOutbox(test.db)).toEqual([]);
  });

  it("answers an altered or expired confirmation link with a page in the reader's language, subscribing no one", async () => {
    const test = await testApp();
    const expired = signConfirmation(
      test.config.accessLinkSecret,
      { service: "mail", email: "a@b.example", locale: "de" },
      new Date("2026-11-01T00:00:00Z"),
    );
    const forged = signConfirmation(
      "another-secret",
      { service: "mail", email: "a@b.example", locale: "de" },
      test.clock.now(),
    );
    for (const token of [expired, forged, "garbage"]) {
      const path = `/status-mail/confirm?lang=de&token=${encodeURIComponent(token)}`;
      for (const method of ["GET", "POST"]) {
        const response = await test.app.request(path, { method });
        expect(response.status).toBe(400);
        expect(await response.text()).toContain("Dieser Link ist ungültig");
      }
    }
    expect(await subscribersOf(test.db, "mail")).toEqual([]);
  });

  it("refuses an unsubscribe link whose signature does not match, keeping the subscription", async () => {
    const { test } = await subscribed();
    const [row] = await subscribersOf(test.db, "mail");
    const response = await test.app.request(
      `/status-mail/unsubscribe?lang=it&token=u1.${row?.id}.AAAA`,
      {
        method: "POST",
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Questo link non è valido");
    expect(await subscribersOf(test.db, "mail")).toHaveLength(1);
  });

  it("limits subscribing like filing: a loop cannot flood an inbox", async () => {
    const test = await testApp({
      rateLimits: {
        ...defaultRateLimits,
        submit: { limit: 2, windowMs: 60_000 },
      },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await postJson(test.app, "/api/v1/incident-subscriptions", subscriber)).status,
      );
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(await listOutbox(test.db)).toHaveLength(2);
  });
});
