import type { CannedReplyStatus, Locale } from "@frontline/core";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";

export type StaffRole = "admin" | "agent" | "operator";

/** People who work the desk: the partner's admins and agents, and operator engineers. */
export const staffUsers = pgTable("staff_users", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text().$type<StaffRole>().notNull(),
  /** scrypt, with its parameters and salt in the string. */
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  disabled: boolean().notNull().default(false),
  /** Failed sign-ins in a row; each one makes the next wait longer. */
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: instant("locked_until"),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * Failed sign-ins in a row for one email from one client address. Counting
 * per pair means someone guessing elsewhere cannot lock a person out, and
 * an unknown email is throttled exactly like a real one, so the answers
 * tell nobody which accounts exist.
 */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    email: text().notNull(),
    address: text().notNull(),
    failures: integer().notNull().default(0),
    lockedUntil: instant("locked_until"),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.email, t.address] }),
    index("sign_in_throttle_updated_idx").on(t.updatedAt),
  ],
);

/** Console sessions; the id is the SHA-256 of the cookie value, never the value. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => staffUsers.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Personal API tokens for `Authorization: Bearer`; shown once, stored hashed. */
export const apiTokens = pgTable("api_tokens", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  userId: integer("user_id")
    .notNull()
    .references(() => staffUsers.id),
  name: text().notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** The first characters, so people can tell their tokens apart. */
  prefix: text().notNull(),
  /** "read" tokens may only read (GET, HEAD); "full" ones act with the owner's role. */
  scope: text({ enum: ["read", "full"] })
    .notNull()
    .default("full"),
  createdAt: instant("created_at").notNull(),
  /** Null: the token lives until revoked. */
  expiresAt: instant("expires_at"),
  lastUsedAt: instant("last_used_at"),
  revokedAt: instant("revoked_at"),
});

/** Who did what, when, from where: sign-ins, user and token changes, request changes. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    at: instant("at").notNull(),
    actorId: integer("actor_id").references(() => staffUsers.id),
    /** The actor as shown, kept even if the user is renamed (an email, or "system"). */
    actorLabel: text("actor_label").notNull(),
    action: text().notNull(),
    target: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
    clientAddress: text("client_address"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action)],
);

/** Texts agents start replies from; see the SQLite schema for what each column means. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    title: text().notNull(),
    locale: text().$type<Locale>().notNull(),
    body: text().notNull(),
    status: text().$type<CannedReplyStatus>(),
    ownerId: integer("owner_id").references(() => staffUsers.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("canned_replies_owner_idx").on(t.ownerId, t.locale)],
);
