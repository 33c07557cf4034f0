import type { AddressInfo } from "node:net";
import { openDatabase } from "@frontline/db";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { ServerConfig } from "./config.ts";
import { systemClock } from "./platform/deps.ts";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Opens and migrates the database, then serves the app until closed. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl);
  const app = createApp({ db: database.db, clock: systemClock, config });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => {
          database.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
