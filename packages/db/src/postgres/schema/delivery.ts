import type { Locale } from "@frontline/core";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";
import { requests } from "./requests.ts";

/**
 * Emails waiting to be sent. A notification is written in the same
 * transaction as the change it reports, so a crash can never lose it; a
 * worker sends it and retries with back-off while the mail server fails.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer("request_id").references(() => requests.id),
    kind: text().notNull(),
    recipient: text().notNull(),
    locale: text().$type<Locale>().notNull(),
    subject: text().notNull(),
    /** Where the customer's answer goes: the request's own reply address, when mail is read. */
    replyTo: text("reply_to"),
    /** Extra headers (List-Unsubscribe on incident mail): see the SQLite schema. */
    headers: jsonb().$type<Record<string, string>>(),
    /** Cleared once sent: the first email carries the private tracking link. */
    body: text(),
    status: text().$type<"pending" | "sent">().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull(),
    /**
     * Set while one sender (one server instance) has taken the mail to
     * send; others skip it until then, so a crashed sender's mail is sent
     * by another once this passes.
     */
    claimedUntil: instant("claimed_until"),
    lastError: text("last_error"),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/** Answers already given to an Idempotency-Key, so a repeated submit gets the same one. */
export const idempotencyKeys = pgTable("idempotency_keys", {
  key: text().primaryKey(),
  /** SHA-256 of the request body the key was first used with. */
  bodyHash: text("body_hash").notNull(),
  responseStatus: integer("response_status").notNull(),
  responseBody: jsonb("response_body").$type<unknown>().notNull(),
  createdAt: instant("created_at").notNull(),
});

/** "This solved my problem": a request the help center answered before it was filed. */
export const deflections = pgTable(
  "deflections",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    locale: text().$type<Locale>().notNull(),
    query: text().notNull(),
    article: text().notNull(),
    suggestedArticles: jsonb("suggested_articles").$type<string[]>().notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("deflections_article_idx").on(t.article)],
);
