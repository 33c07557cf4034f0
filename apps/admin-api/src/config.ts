import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultPartnerPolicy, defaultServices } from "@frontline/core";
import { z } from "zod";
import type { AppConfig } from "./platform/deps.ts";

const defaultHelpCenterDist = fileURLToPath(new URL("../../help-center/dist", import.meta.url));

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  DATABASE_URL: z.string().trim().min(1, "must not be empty").default("./data/frontline.db"),
  HELP_CENTER_DIST: z.string().trim().min(1).default(defaultHelpCenterDist),
});

export interface ServerConfig extends AppConfig {
  readonly port: number;
  readonly databaseUrl: string;
}

export class ConfigError extends Error {}

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
      return `  ${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const { PORT, DATABASE_URL, HELP_CENTER_DIST } = parsed.data;
  return {
    port: PORT,
    databaseUrl: DATABASE_URL,
    helpCenterDist: existsSync(HELP_CENTER_DIST) ? HELP_CENTER_DIST : null,
    services: defaultServices,
    partnerPolicy: defaultPartnerPolicy,
  };
}
