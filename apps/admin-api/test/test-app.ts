import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultOperatorPolicy, defaultPartnerPolicy, defaultServices } from "@frontline/core";
import { openDatabase } from "@frontline/db";
import { afterEach } from "vitest";
import { createApp } from "../src/app.ts";
import { type AppConfig, type Clock, defaultRateLimits } from "../src/platform/deps.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A settable clock, so tests decide what "now" is. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(next) {
      now = new Date(next);
    },
  };
}

/** The real app on a real SQLite file in a temporary folder. */
export function testApp(
  overrides: Partial<AppConfig> = {},
  clock = fixedClock("2026-11-21T09:30:00Z"),
) {
  const dir = mkdtempSync(join(tmpdir(), "frontline-api-"));
  const database = openDatabase(join(dir, "test.db"));
  cleanups.push(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const config: AppConfig = {
    helpCenterDist: null,
    services: defaultServices,
    partnerPolicy: defaultPartnerPolicy,
    operatorPolicy: defaultOperatorPolicy,
    publicUrl: "https://help.example",
    corsOrigins: [],
    trustedProxies: 1,
    rateLimits: defaultRateLimits,
    ...overrides,
  };
  const app = createApp({ db: database.db, clock, config });
  return { app, db: database.db, clock, dir, config };
}

export const validRequest = {
  locale: "en",
  category: "connectivity",
  service: "mail",
  severity: "B",
  subject: "Outlook keeps asking for my password",
  description:
    "Since this morning Outlook on three desktops asks for the password every few minutes.",
  organisation: "contoso.partner.cn",
  name: "Li Wei",
  email: "li.wei@contoso.cn",
};

export function postJson(app: ReturnType<typeof testApp>["app"], path: string, body: unknown) {
  return app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Reads a JSON body; tests then assert on its shape. */
// biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON bodies
export const readJson = (response: Response): Promise<any> => response.json();

/** Calls the app with a method, headers and an optional JSON body. */
export function callJson(
  app: ReturnType<typeof testApp>["app"],
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: object,
) {
  return app.request(path, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
}
