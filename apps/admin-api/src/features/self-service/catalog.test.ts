import { describe, expect, it } from "vitest";
import { readJson, testApp } from "../../../test/test-app.ts";

describe("the catalogue endpoint", () => {
  it("labels categories, services and severities in German when asked", async () => {
    const { app } = await testApp();
    const body = await readJson(await app.request("/api/v1/catalog?locale=de"));
    expect(body.categories).toHaveLength(7);
    expect(body.categories[0]).toEqual({
      id: "account-setup",
      label: "Kontoeinrichtung und Registrierung",
    });
    expect(body.services[0]).toEqual({ id: "mail", label: "E-Mail und Kalender" });
    expect(body.severities[0]).toMatchObject({
      id: "A",
      label: "A – Kritisch",
      firstResponseMinutes: 60,
    });
  });

  it("answers in English without a locale or with one it does not know", async () => {
    const { app } = await testApp();
    for (const query of ["", "?locale=fr", "?locale="]) {
      const body = await readJson(await app.request(`/api/v1/catalog${query}`));
      expect(body.categories[1].label).toBe("Accounts and billing");
    }
  });
});
