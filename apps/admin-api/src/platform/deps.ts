import type { Service, SlaPolicy } from "@frontline/core";
import type { Db } from "@frontline/db";
import type { FileStore } from "./files/file-store.ts";
import type { ArticleTitles } from "./static-site/article-titles.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** How many requests one client may make to a group of public endpoints per window. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** Settings the running app needs; parsed from the environment by config.ts. */
export interface AppConfig {
  /** Folder with the built help center, or null to serve only the API. */
  readonly helpCenterDist: string | null;
  readonly services: readonly Service[];
  /** The help center's article titles, to show titles where the desk lists articles. */
  readonly articleTitles: ArticleTitles;
  readonly partnerPolicy: SlaPolicy;
  /** The operator's targets once a request is escalated, measured apart from the partner's. */
  readonly operatorPolicy: SlaPolicy;
  /** Where customers reach the help center, for links in emails. */
  readonly publicUrl: string;
  /** Signs the access links in emails (access-links.ts); rotating it voids every link sent. */
  readonly accessLinkSecret: string;
  /**
   * The address customers write to when email is read (inbound SMTP on),
   * whose plus-addresses are each request's reply address; null: mail is
   * not read, and emails carry no reply address.
   */
  readonly supportAddress: string | null;
  /** Other origins whose pages may call the public API (CORS); same origin always may. */
  readonly corsOrigins: readonly string[];
  /**
   * How many proxies you run in front of the server (0: none). Their
   * X-Forwarded-For and X-Forwarded-Proto are believed; the client's own are not.
   */
  readonly trustedProxies: number;
  readonly rateLimits: {
    /** Uploading files for a message: each is up to 10 MiB of disk until swept. */
    readonly upload: RateLimit;
    /** Filing requests, the costliest public action. */
    readonly submit: RateLimit;
    /** Tracking, replying, feedback, deflections: one bucket for them all. */
    readonly public: RateLimit;
    /** The catalogue and service health: cheap reads every help-center page makes. */
    readonly lookup: RateLimit;
    /** Sign-in attempts from one client address, counted before any password is hashed. */
    readonly signIn: RateLimit;
    /** Sign-in attempts from everyone together: a flood from many addresses stops here. */
    readonly signInOverall: RateLimit;
  };
}

/** Everything createApp needs from outside, injected so tests control it. */
export interface AppDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: AppConfig;
  /** Where attachments' bytes are kept. */
  readonly files: FileStore;
}

export const defaultRateLimits: AppConfig["rateLimits"] = {
  upload: { limit: 60, windowMs: 10 * 60_000 },
  submit: { limit: 10, windowMs: 10 * 60_000 },
  public: { limit: 120, windowMs: 60_000 },
  lookup: { limit: 600, windowMs: 60_000 },
  signIn: { limit: 10, windowMs: 60_000 },
  signInOverall: { limit: 300, windowMs: 60_000 },
};
