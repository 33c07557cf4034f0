import type { EscalationPacket, EscalationStatus } from "@frontline/core";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { requests } from "./requests.ts";
import { staffUsers } from "./staff.ts";

/** A request handed to the operator, with the proof that the partner did its part. */
export const escalations = sqliteTable(
  "escalations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    status: text().$type<EscalationStatus>().notNull().default("submitted"),
    /** The operator's own case number, once it has one. */
    operatorReference: text("operator_reference"),
    packet: text({ mode: "json" }).$type<EscalationPacket>().notNull(),
    submittedBy: integer("submitted_by")
      .notNull()
      .references(() => staffUsers.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("escalations_request_idx").on(t.requestId),
    index("escalations_status_idx").on(t.status),
  ],
);
