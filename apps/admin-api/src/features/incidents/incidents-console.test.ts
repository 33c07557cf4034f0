import { getIncident, getRequestByNumber, type StaffRole, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { consoleTest, expectPage, expectRedirect } from "../../../test/console.ts";
import { postedIncident } from "../../../test/incidents.ts";
import { postJson, readJson, type TestApp, testApp, validRequest } from "../../../test/test-app.ts";

type Test = TestApp;

const mailOutage = (test: Test) =>
  postedIncident(test, {
    impact: "outage",
    startedAt: new Date("2026-11-21T09:00:00Z"),
    message: { en: "Mail cannot be sent." },
  });

/** The mail outage, and a browser signed in to the console as `role`. */
async function outageOnConsole(role: StaffRole) {
  const { browser, ...test } = await consoleTest(role);
  return { test, browser, incident: await mailOutage(test) };
}

/** The mail outage with a request linked to it, and the console as `role` to resolve it. */
async function linkedOutage(role: StaffRole) {
  const test = await testApp();
  const incident = await mailOutage(test);
  const filed = await readJson(
    await postJson(test.app, "/api/v1/requests", { ...validRequest, incidentId: incident.id }),
  );
  const { browser } = await signedInBrowser(test.app, test.db, role);
  return { test, incident, filed, browser };
}

const newIncident = {
  service: "files",
  impact: "degraded",
  status: "identified",
  startedAt: "2026-11-21 09:10",
  "message-en": "Team sites open slowly.",
  "message-de": "Teamwebsites öffnen langsam.",
  "message-it": "",
  "message-zh-cn": "",
};

describe("the incidents page", () => {
  it("lists incidents to every role, active first, with forms only for operators and admins", async () => {
    const test = await testApp();
    const incident = await mailOutage(test);
    for (const role of ["operator", "admin", "agent"] as const) {
      const { browser } = await signedInBrowser(test.app, test.db, role);
      const response = await browser.get("/admin/incidents");
      expect(response.status, role).toBe(200);
      const html = await response.text();
      expect(html).toContain('<th scope="row" data-label="Service">Email and calendar</th>');
      expect(html).toContain('<td data-label="Impact">Outage</td>');
      expect(html).toContain("Mail cannot be sent.");
      const forms = [
        "incident-create",
        `incident-${incident.id}-update`,
        `incident-${incident.id}-resolve`,
      ];
      for (const form of forms) {
        expect(html.includes(`id="${form}"`), `${role} ${form}`).toBe(role !== "agent");
      }
    }
  });

  it("sends anonymous visitors to sign in", async () => {
    const test = await testApp();
    const response = await new TestBrowser(test.app).get("/admin/incidents");
    expect(response.headers.get("location")).toBe("/admin/sign-in?next=%2Fadmin%2Fincidents");
  });
});

describe("posting an incident", () => {
  it("stores it with its translations and redirects with a notice", async () => {
    const { browser, ...test } = await consoleTest("operator");
    const response = await browser.submit("/admin/incidents", newIncident);
    expectRedirect(response, "/admin/incidents?notice=incident-posted");
    const [stored] = await test.db.select().from(tablesOf(test.db).serviceIncidents);
    expect(stored).toMatchObject({
      service: "files",
      impact: "degraded",
      status: "identified",
      startedAt: new Date("2026-11-21T09:10:00Z"),
      message: { en: "Team sites open slowly.", de: "Teamwebsites öffnen langsam." },
    });
    const html = await (await browser.get("/admin/incidents?notice=incident-posted")).text();
    expect(html).toContain("The incident is posted.");
    expect(html).toContain("Files and team sites");
  });

  it("shows each mistake next to its field and keeps what was typed", async () => {
    const { browser, ...test } = await consoleTest("admin");
    const response = await browser.submit("/admin/incidents", {
      ...newIncident,
      service: "teleportation",
      startedAt: "yesterday",
      "message-en": "",
    });
    await expectPage(
      response,
      422,
      '<a href="#field-service">Service: Choose a service from the list.</a>',
      'id="field-startedAt-error"',
      'value="yesterday"',
      '<a href="#field-message-en">Message in English: Write the message in English.</a>',
      ">Teamwebsites öffnen langsam.</textarea>",
    );
    expect(await test.db.$count(tablesOf(test.db).serviceIncidents)).toBe(0);
  });
});

describe("updating an incident", () => {
  it("changes status and impact and adds a translation", async () => {
    const { test, browser, incident } = await outageOnConsole("operator");
    const response = await browser.submit(`/admin/incidents/${incident.id}`, {
      status: "monitoring",
      impact: "degraded",
      "message-en": "",
      "message-it": "La posta è lenta.",
    });
    expectRedirect(response, "/admin/incidents?notice=incident-updated");
    expect(await getIncident(test.db, incident.id)).toMatchObject({
      status: "monitoring",
      impact: "degraded",
      message: { en: "Mail cannot be sent.", it: "La posta è lenta." },
    });
  });

  it("refuses an unknown status next to that incident's field, keeping the input", async () => {
    const { test, browser, incident } = await outageOnConsole("operator");
    const response = await browser.submit(`/admin/incidents/${incident.id}`, {
      status: "resolved",
      impact: "outage",
      "message-en": "Still down",
    });
    await expectPage(
      response,
      422,
      `<a href="#update-${incident.id}-status">Status: Choose a status from the list.</a>`,
      `id="update-${incident.id}-status-error"`,
      ">Still down</textarea>",
    );
    expect((await getIncident(test.db, incident.id))?.status).toBe("investigating");
  });

  it("is refused to agents", async () => {
    const { test, browser, incident } = await outageOnConsole("agent");
    const update = { status: "monitoring", impact: "degraded" };
    expect((await browser.submit(`/admin/incidents/${incident.id}`, update)).status).toBe(403);
    expect((await browser.submit("/admin/incidents", newIncident)).status).toBe(403);
    const resolve = { "message-en": "ok" };
    expect((await browser.submit(`/admin/incidents/${incident.id}/resolve`, resolve)).status).toBe(
      403,
    );
    expect((await getIncident(test.db, incident.id))?.resolvedAt).toBeNull();
  });

  it("answers an unknown incident with the not-found page", async () => {
    const { browser } = await consoleTest("admin");
    const response = await browser.submit("/admin/incidents/999", {
      status: "monitoring",
      impact: "degraded",
    });
    expect(response.status).toBe(404);
  });
});

describe("resolving an incident", () => {
  it("resolves the linked requests and says which ones, and which are left for the partner", async () => {
    const { test, incident, filed, browser } = await linkedOutage("admin");
    const response = await browser.submit(`/admin/incidents/${incident.id}/resolve`, {
      "message-en": "Mail flows again.",
      resolveLinkedRequests: "yes",
    });
    const html = await expectPage(response, 200, `Incident ${incident.id} is resolved.`);
    expect(html).toMatch(
      new RegExp(`Resolved with the closing message</h3><ul><li class="mono">${filed.number}</li>`),
    );
    expect(html).toContain("None: nothing is left for the partner.");
    expect((await getRequestByNumber(test.db, filed.number))?.status).toBe("resolved");
    expect(html).not.toContain(`id="incident-${incident.id}-update"`);
  });

  it("leaves requests the operator may not resolve for the partner", async () => {
    const { test, incident, filed, browser } = await linkedOutage("operator");
    const html = await (
      await browser.submit(`/admin/incidents/${incident.id}/resolve`, {
        "message-en": "Mail flows again.",
        resolveLinkedRequests: "yes",
      })
    ).text();
    expect(html).toMatch(
      new RegExp(`Left for the partner</h3><ul><li class="mono">${filed.number}</li>`),
    );
    expect((await getRequestByNumber(test.db, filed.number))?.status).toBe("new");
  });

  it("asks for the closing message when linked requests are to be resolved", async () => {
    const { test, browser, incident } = await outageOnConsole("operator");
    const response = await browser.submit(`/admin/incidents/${incident.id}/resolve`, {
      "message-en": "",
      "message-de": "Behoben.",
      resolveLinkedRequests: "yes",
    });
    await expectPage(
      response,
      422,
      `href="#resolve-${incident.id}-message-en"`,
      `id="resolve-${incident.id}-message-en-error"`,
      ">Behoben.</textarea>",
      'value="yes" checked=""',
    );
    expect((await getIncident(test.db, incident.id))?.resolvedAt).toBeNull();
  });

  it("refuses to change an incident that is already resolved", async () => {
    const { browser, incident } = await outageOnConsole("operator");
    await browser.submit(`/admin/incidents/${incident.id}/resolve`, {
      "message-en": "Fixed.",
    });
    const response = await browser.submit(`/admin/incidents/${incident.id}`, {
      status: "monitoring",
      impact: "degraded",
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Post a new incident if the problem is back.");
  });
});
