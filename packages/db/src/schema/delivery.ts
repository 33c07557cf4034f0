import type { Locale } from "@frontline/core";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { requests } from "./requests.ts";

/**
 * Emails waiting to be sent. A notification is written in the same
 * transaction as the change it reports, so a crash can never lose it; a
 * worker sends it and retries with back-off while the mail server fails.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    requestId: integer("request_id").references(() => requests.id),
    kind: text().notNull(),
    recipient: text().notNull(),
    locale: text().$type<Locale>().notNull(),
    subject: text().notNull(),
    /** Where the customer's answer goes: the request's own reply address, when mail is read. */
    replyTo: text("reply_to"),
    /**
     * Extra headers the mail carries, such as List-Unsubscribe on incident
     * mail; only names the outbox worker allows are sent.
     */
    headers: text({ mode: "json" }).$type<Record<string, string>>(),
    /** Cleared once sent: the first email carries the private tracking link. */
    body: text(),
    status: text().$type<"pending" | "sent">().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    /**
     * Set while one sender (one server instance) has taken the mail to
     * send; others skip it until then, so a crashed sender's mail is sent
     * by another once this passes.
     */
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/** Answers already given to an Idempotency-Key, so a repeated submit gets the same one. */
export const idempotencyKeys = sqliteTable("idempotency_keys", {
  key: text().primaryKey(),
  /** SHA-256 of the request body the key was first used with. */
  bodyHash: text("body_hash").notNull(),
  responseStatus: integer("response_status").notNull(),
  responseBody: text("response_body", { mode: "json" }).$type<unknown>().notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** "This solved my problem": a request the help center answered before it was filed. */
export const deflections = sqliteTable(
  "deflections",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    locale: text().$type<Locale>().notNull(),
    query: text().notNull(),
    article: text().notNull(),
    suggestedArticles: text("suggested_articles", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("deflections_article_idx").on(t.article)],
);
