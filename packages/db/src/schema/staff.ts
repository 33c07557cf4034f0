import type { CannedReplyStatus, Locale } from "@frontline/core";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export type StaffRole = "admin" | "agent" | "operator";

/** People who work the desk: the partner's admins and agents, and operator engineers. */
export const staffUsers = sqliteTable("staff_users", {
  id: integer().primaryKey({ autoIncrement: true }),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text().$type<StaffRole>().notNull(),
  /** scrypt, with its parameters and salt in the string. */
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  disabled: integer({ mode: "boolean" }).notNull().default(false),
  /** Failed sign-ins in a row; each one makes the next wait longer. */
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Failed sign-ins in a row for one email from one client address. Counting
 * per pair means someone guessing elsewhere cannot lock a person out, and
 * an unknown email is throttled exactly like a real one, so the answers
 * tell nobody which accounts exist.
 */
export const signInThrottle = sqliteTable(
  "sign_in_throttle",
  {
    email: text().notNull(),
    address: text().notNull(),
    failures: integer().notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.email, t.address] }),
    index("sign_in_throttle_updated_idx").on(t.updatedAt),
  ],
);

/** Console sessions; the id is the SHA-256 of the cookie value, never the value. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => staffUsers.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Personal API tokens for `Authorization: Bearer`; shown once, stored hashed. */
export const apiTokens = sqliteTable("api_tokens", {
  id: integer().primaryKey({ autoIncrement: true }),
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
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  /** Null: the token lives until revoked. */
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

/** Who did what, when, from where: sign-ins, user and token changes, request changes. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: "timestamp_ms" }).notNull(),
    actorId: integer("actor_id").references(() => staffUsers.id),
    /** The actor as shown, kept even if the user is renamed (an email, or "system"). */
    actorLabel: text("actor_label").notNull(),
    action: text().notNull(),
    target: text(),
    detail: text({ mode: "json" }).$type<Record<string, unknown>>(),
    clientAddress: text("client_address"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action)],
);

/** Texts agents start replies from: shared by the desk (no owner) or one agent's own. */
export const cannedReplies = sqliteTable(
  "canned_replies",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    title: text().notNull(),
    locale: text().$type<Locale>().notNull(),
    body: text().notNull(),
    /** The status the request moves to as the reply is sent; null keeps it. */
    status: text().$type<CannedReplyStatus>(),
    /** Null: shared with the whole desk (admins manage it); else the agent it belongs to. */
    ownerId: integer("owner_id").references(() => staffUsers.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("canned_replies_owner_idx").on(t.ownerId, t.locale)],
);
