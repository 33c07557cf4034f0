import { describe, expect, it } from "vitest";
import { postedIncident } from "../../../test/incidents.ts";
import { testApp } from "../../../test/test-app.ts";
import { xml } from "./incidents-feed.ts";

describe("the incidents feed", () => {
  it("is an Atom feed per language with one entry per incident, its timeline escaped", async () => {
    const test = await testApp();
    await postedIncident(test, {
      impact: "outage",
      message: { en: "Sending fails with <550> & retries." },
    });
    const response = await test.app.request("/api/v1/status/de/feed.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const feed = await response.text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">');
    expect(feed).toContain("<title>Störungsmeldungen</title>");
    expect(feed).toContain("<title>E-Mail und Kalender: Ausfall – Wird untersucht</title>");
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://help.example/de/status/"/>',
    );
    // The message is HTML inside XML: escaped twice, never markup of its own.
    expect(feed).toContain("Sending fails with &amp;lt;550&amp;gt; &amp;amp; retries.");
    expect(feed).toContain(xml(xml("Diese Meldung gibt es nur auf Englisch.")));
    expect(feed).not.toContain("<550>");
  });

  it("answers a language it does not have with a problem, not a feed", async () => {
    const test = await testApp();
    const response = await test.app.request("/api/v1/status/fr/feed.atom");
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Type")).toContain("application/problem+json");
  });
});
