import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultOperatorPolicy, defaultPartnerPolicy, defaultServices } from "@frontline/core";
import { type TestDatabase, tempDatabase } from "@frontline/db/test-database";
import { afterEach } from "vitest";
import { createApp, prepareDatabase } from "../src/app.ts";
import { type AppConfig, type Clock, defaultRateLimits } from "../src/platform/deps.ts";
import { filesystemStore, prepareFileStore } from "../src/platform/files/file-store.ts";

const databases: TestDatabase[] = [];
const fileFolders: string[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.cleanup()));
  await Promise.all(
    fileFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
  );
});

/** A file store of its own in a temporary folder, gone when the test ends. */
export async function tempFileStore() {
  const folder = await mkdtemp(join(tmpdir(), "frontline-files-"));
  fileFolders.push(folder);
  const files = filesystemStore(folder);
  await prepareFileStore(files);
  return files;
}

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

/**
 * The real app on a real database of the dialect this test project runs
 * on: a SQLite file in a temporary folder, or a PostgreSQL database of its
 * own (see vitest.config.ts). It goes when the test ends.
 */
export async function testApp(
  overrides: Partial<AppConfig> = {},
  clock = fixedClock("2026-11-21T09:30:00Z"),
) {
  const database = await tempDatabase();
  databases.push(database);
  const config: AppConfig = {
    helpCenterDist: null,
    services: defaultServices,
    articleTitles: {},
    partnerPolicy: defaultPartnerPolicy,
    operatorPolicy: defaultOperatorPolicy,
    publicUrl: "https://help.example",
    accessLinkSecret: "test-secret-for-access-links-0123456789",
    supportAddress: null,
    corsOrigins: [],
    trustedProxies: 1,
    rateLimits: defaultRateLimits,
    ...overrides,
  };
  const files = await tempFileStore();
  const deps = { db: database.db, clock, config, files };
  await prepareDatabase(deps);
  const app = createApp(deps);
  return {
    app,
    db: database.db,
    dialect: database.dialect,
    url: database.url,
    clock,
    config,
    files,
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export { validRequest } from "./valid-request.ts";

export function postJson(app: TestApp["app"], path: string, body: unknown) {
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
  app: TestApp["app"],
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: object,
) {
  return app.request(path, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
}
