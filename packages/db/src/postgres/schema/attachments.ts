import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";
import { requestEvents, requests } from "./requests.ts";

/** Files sent with messages; see the SQLite schema for what each column means. */
export const attachments = pgTable(
  "attachments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer("request_id").references(() => requests.id),
    eventId: integer("event_id").references(() => requestEvents.id),
    uploadTokenHash: text("upload_token_hash").notNull().unique(),
    name: text().notNull(),
    contentType: text("content_type").notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: text("uploaded_by").$type<"customer" | "staff">().notNull(),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [
    index("attachments_request_idx").on(t.requestId, t.eventId),
    index("attachments_sha256_idx").on(t.sha256),
    index("attachments_pending_idx").on(t.eventId, t.expiresAt),
  ],
);
