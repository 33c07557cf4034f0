import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { requestEvents, requests } from "./requests.ts";

/**
 * Files sent with messages. The bytes live in the file store (outside the
 * database) under their SHA-256, so the same screenshot sent twice is
 * stored once; a row here is one file on one message. An upload waits
 * here without a request until a message claims it by its token, or it
 * expires and is swept away.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Null while the upload waits for its message. */
    requestId: integer("request_id").references(() => requests.id),
    eventId: integer("event_id").references(() => requestEvents.id),
    /** SHA-256 of the secret the uploader got back; whoever holds it may attach the file once. */
    uploadTokenHash: text("upload_token_hash").notNull().unique(),
    name: text().notNull(),
    /** As sniffed from the bytes, never as the sender claimed. */
    contentType: text("content_type").notNull(),
    size: integer().notNull(),
    /** The file store's key: the bytes' SHA-256 in hex. */
    sha256: text().notNull(),
    uploadedBy: text("uploaded_by").$type<"customer" | "staff">().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** When an unclaimed upload is swept away. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("attachments_request_idx").on(t.requestId, t.eventId),
    index("attachments_sha256_idx").on(t.sha256),
    index("attachments_pending_idx").on(t.eventId, t.expiresAt),
  ],
);
