import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { driverError, isPostgresUrl, openDatabase, releaseAllClaims } from "@frontline/db";
import { serve } from "@hono/node-server";
import { createTransport } from "nodemailer";
import { createApp, prepareDatabase } from "./app.ts";
import { ConfigError, type ServerConfig } from "./config.ts";
import { startRetentionSweeper } from "./features/retention/retention-sweeper.ts";
import { createFirstAdmin, type FirstAdmin, firstAdminNotice } from "./features/staff/bootstrap.ts";
import { accessSecretBeside } from "./platform/access-links.ts";
import { systemClock } from "./platform/deps.ts";
import { filesystemStore, prepareFileStore } from "./platform/files/file-store.ts";
import { s3Store } from "./platform/files/s3-store.ts";
import { startUploadSweeper } from "./platform/files/upload-sweeper.ts";
import { startInboundSmtp } from "./platform/inbound-smtp.ts";
import { type OutboxWorker, startOutboxWorker } from "./platform/outbox-worker.ts";

export interface RunningServer {
  readonly url: string;
  /** The database in use, as it may be shown: a file path, or a URL without its password. */
  readonly database: string;
  readonly port: number;
  /** False when no SMTP server is configured. */
  readonly mailSending: boolean;
  /** Where customers' email is read, or null when it is not (INBOUND_SMTP_PORT unset). */
  readonly inboundSmtpPort: number | null;
  /** Set when this start found no users and created the first admin (printed to stdout). */
  readonly firstAdmin: FirstAdmin | null;
  /**
   * Stops accepting connections, lets the requests already received finish
   * (cutting them only after the grace period), stops the mail worker after
   * the message it is sending, then closes the database.
   */
  close(): Promise<void>;
}

/**
 * The secret that signs access links. Instances on one PostgreSQL must
 * share it, so there it must be set; one server on a SQLite file keeps its
 * own beside the file.
 */
function ensureSharedAccessSecret(config: ServerConfig): void {
  if (config.accessLinkSecret || !isPostgresUrl(config.databaseUrl)) return;
  throw new ConfigError(
    "ACCESS_LINK_SECRET: must be set on PostgreSQL, the same on every instance, so a link one signs is valid on all (at least 32 characters, e.g. from `openssl rand -base64 48`).",
  );
}

/** Opens and migrates the database, then serves the app until closed. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  ensureSharedAccessSecret(config);
  const database = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  try {
    await database.ready;
  } catch (error) {
    await database.close().catch(() => {});
    throw new ConfigError(
      `DATABASE_URL: cannot open ${database.path}: ${reason(error)}. Check the setting and that the database server runs.`,
    );
  }
  const files = config.s3 ? s3Store(config.s3) : filesystemStore(attachmentsFolder(config));
  await prepareFileStore(files);
  const deps = {
    db: database.db,
    clock: systemClock,
    files,
    // The SQLite file's folder exists once the database is open.
    config: {
      ...config,
      accessLinkSecret: config.accessLinkSecret ?? accessSecretBeside(config.databaseUrl),
    },
  };
  await prepareDatabase(deps);
  const app = createApp(deps);
  // On an empty database nobody could sign in: make the first admin before serving.
  const firstAdmin = await createFirstAdmin({ db: database.db, clock: systemClock });
  // Printed at once: if serving fails below, the password is not lost with it.
  if (firstAdmin) console.log(firstAdminNotice(firstAdmin, `${config.publicUrl}/admin`));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  // One server uses a SQLite file: a claim on its outbox is a crashed predecessor's, free now.
  if (database.dialect === "sqlite") await releaseAllClaims(database.db);
  // Without SMTP settings, mail waits in the outbox; the console shows it.
  const worker: OutboxWorker | null = config.smtpUrl
    ? startOutboxWorker({
        db: database.db,
        // Pooled: a backlog goes out over a few kept connections, not one handshake per mail.
        transport: createTransport({ url: config.smtpUrl, pool: true, maxConnections: 3 }),
        from: config.mailFrom,
        clock: systemClock,
      })
    : null;
  const sweeper = startUploadSweeper(deps);
  const retention = startRetentionSweeper(deps);
  // Customers' email, when a port is set (INBOUND_SMTP_PORT); off by default.
  const inbound = config.inboundSmtp ? await startInboundSmtp(deps, config.inboundSmtp) : null;
  return {
    url: `http://localhost:${port}`,
    database: database.path,
    port,
    mailSending: worker !== null,
    inboundSmtpPort: inbound?.port ?? null,
    firstAdmin,
    close: async () => {
      await inbound?.close();
      await drain(server as Server, config.shutdownGraceMs);
      await worker?.stop();
      await sweeper.stop();
      await retention.stop();
      await database.close();
    },
  };
}

/** Beside a SQLite file, its attachments; on PostgreSQL (or in memory) a data folder here. */
function attachmentsFolder(config: ServerConfig): string {
  if (config.attachmentsDir) return resolve(config.attachmentsDir);
  if (isPostgresUrl(config.databaseUrl) || config.databaseUrl === ":memory:") {
    return resolve("data", "attachments");
  }
  return join(dirname(resolve(config.databaseUrl.replace(/^file:/, ""))), "attachments");
}

/** One line for a failure to reach the database: the driver's own message, never the query. */
function reason(error: unknown): string {
  const cause = driverError(error);
  const text = cause instanceof Error ? cause.message || cause.name : String(cause);
  const code = (cause as { code?: string }).code;
  return code && !text.includes(code) ? `${text} (${code})` : text;
}

/**
 * Closes the listening socket and waits for every open request to be
 * answered. Keep-alive connections are closed as soon as they fall idle, so
 * a client between two requests is not left hanging until the grace ends.
 */
function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
