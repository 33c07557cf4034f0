import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultOperatorPolicy, defaultPartnerPolicy, defaultServices } from "@frontline/core";
import { isPostgresUrl } from "@frontline/db";
import { z } from "zod";
import { type AppConfig, defaultRateLimits } from "./platform/deps.ts";
import type { S3Settings } from "./platform/files/s3-store.ts";
import { bareAddress } from "./platform/reply-address.ts";
import { readArticleTitles } from "./platform/static-site/article-titles.ts";

const defaultHelpCenterDist = fileURLToPath(new URL("../../help-center/dist", import.meta.url));

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  // A SQLite file (a path, file:… or :memory:), or a PostgreSQL server.
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .refine(
      (value) => !/^[a-z][a-z\d+.-]*:\/\//i.test(value) || isPostgresUrl(value),
      "must be a SQLite file path or a postgres:// URL",
    )
    .refine(
      (value) => !isPostgresUrl(value) || URL.canParse(value),
      "must be a URL like postgres://user:password@host:5432/frontline",
    )
    .default("./data/frontline.db"),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 200")
    .max(200, "must be between 1 and 200")
    .default(10),
  HELP_CENTER_DIST: z.string().trim().min(1).default(defaultHelpCenterDist),
  PUBLIC_URL: z.url("must be a URL like https://help.example.com").optional(),
  HELP_CENTER_ORIGIN: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url("must be a comma-separated list of origins like https://help.example.com")))
    .default([]),
  // "true" is one proxy (the common case); a number says how many are chained.
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(true|false|\d{1,2})$/, 'must be "true", "false" or a number of proxies')
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value)))
    .default(0),
  SMTP_URL: z.url("must be a URL like smtp://user:password@mail.example.com:587").optional(),
  MAIL_FROM: z.string().trim().min(3).default("Frontline Support <support@frontline.invalid>"),
  ATTACHMENTS_DIR: z.string().trim().min(1).optional(),
  // An S3-compatible bucket for attachments instead of the folder: all four, or none.
  S3_ENDPOINT: z.url("must be a URL like https://s3.eu-central-1.amazonaws.com").optional(),
  S3_BUCKET: z.string().trim().min(3).max(63).optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  // Reading customers' email: off unless a port is given.
  INBOUND_SMTP_PORT: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .optional(),
  INBOUND_SMTP_HOST: z.string().trim().min(1).default("0.0.0.0"),
  INBOUND_ADDRESS: z.email("must be an email address like support@partner.example").optional(),
  ACCESS_LINK_SECRET: z.string().trim().min(32, "must be at least 32 characters").optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ message: "must be a number of seconds" })
    .min(0, "must be between 0 and 600")
    .max(600, "must be between 0 and 600")
    .default(10),
});

export interface ServerConfig extends Omit<AppConfig, "accessLinkSecret"> {
  /** Unset: on SQLite, kept in a file beside the database; PostgreSQL needs it set. */
  readonly accessLinkSecret: string | null;
  readonly port: number;
  readonly databaseUrl: string;
  /** Attachments in an S3-compatible bucket, or null to keep them in attachmentsDir. */
  readonly s3: S3Settings | null;
  /** Inbound SMTP for customers' email (replies and new requests), or null when mail is not read. */
  readonly inboundSmtp: { readonly port: number; readonly host: string } | null;
  /** Where attachments are kept; unset: an "attachments" folder beside a SQLite file, else ./data/attachments. */
  readonly attachmentsDir: string | null;
  /** PostgreSQL: connections each instance keeps at most. */
  readonly databasePoolSize: number;
  /** Without it, mail waits in the outbox (the console shows it) instead of being sent. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** On SIGTERM, how long requests already being answered may take before they are cut. */
  readonly shutdownGraceMs: number;
}

export class ConfigError extends Error {}

/** Settings never printed back, even when they are wrong. */
const SECRET_SETTINGS = new Set(["DATABASE_URL", "ACCESS_LINK_SECRET", "S3_SECRET_ACCESS_KEY"]);

/** The S3 settings when the bucket is named; half of them is a mistake worth stopping for. */
function s3Settings(settings: z.infer<typeof envSchema>): S3Settings | null {
  const given = {
    S3_ENDPOINT: settings.S3_ENDPOINT,
    S3_BUCKET: settings.S3_BUCKET,
    S3_ACCESS_KEY_ID: settings.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: settings.S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(given)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length === 4) return null;
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  ${missing.join(", ")}: must be set too, to keep attachments in S3 (or unset every S3_ setting to keep them in ATTACHMENTS_DIR)`,
    );
  }
  return {
    endpoint: given.S3_ENDPOINT ?? "",
    bucket: given.S3_BUCKET ?? "",
    region: settings.S3_REGION,
    accessKeyId: given.S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: given.S3_SECRET_ACCESS_KEY ?? "",
  };
}

/**
 * Reads the environment once at start-up. A wrong value stops the server
 * with a message naming the variable, rather than failing later at random.
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // A database URL may carry a password; the message names the setting without it.
      const shown = SECRET_SETTINGS.has(name) ? "…" : JSON.stringify(env[name]);
      return `  ${name}=${shown}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const settings = parsed.data;
  const s3 = s3Settings(settings);
  const helpCenterDist = existsSync(settings.HELP_CENTER_DIST) ? settings.HELP_CENTER_DIST : null;
  return {
    port: settings.PORT,
    databaseUrl: settings.DATABASE_URL,
    databasePoolSize: settings.DATABASE_POOL_SIZE,
    helpCenterDist,
    articleTitles: readArticleTitles(helpCenterDist),
    services: defaultServices,
    partnerPolicy: defaultPartnerPolicy,
    operatorPolicy: defaultOperatorPolicy,
    publicUrl: (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ""),
    corsOrigins: settings.HELP_CENTER_ORIGIN,
    trustedProxies: settings.TRUST_PROXY,
    rateLimits: defaultRateLimits,
    smtpUrl: settings.SMTP_URL ?? null,
    mailFrom: settings.MAIL_FROM,
    shutdownGraceMs: settings.SHUTDOWN_GRACE_SECONDS * 1000,
    accessLinkSecret: settings.ACCESS_LINK_SECRET ?? null,
    attachmentsDir: settings.ATTACHMENTS_DIR ?? null,
    s3,
    inboundSmtp:
      settings.INBOUND_SMTP_PORT === undefined
        ? null
        : { port: settings.INBOUND_SMTP_PORT, host: settings.INBOUND_SMTP_HOST },
    supportAddress:
      settings.INBOUND_SMTP_PORT === undefined
        ? null
        : (settings.INBOUND_ADDRESS ?? bareAddress(settings.MAIL_FROM)).toLowerCase(),
  };
}
