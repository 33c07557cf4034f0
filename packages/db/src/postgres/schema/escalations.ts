import type { EscalationPacket, EscalationStatus } from "@frontline/core";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";
import { requests } from "./requests.ts";
import { staffUsers } from "./staff.ts";

/** A request handed to the operator, with the proof that the partner did its part. */
export const escalations = pgTable(
  "escalations",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    status: text().$type<EscalationStatus>().notNull().default("submitted"),
    /** The operator's own case number, once it has one. */
    operatorReference: text("operator_reference"),
    packet: jsonb().$type<EscalationPacket>().notNull(),
    submittedBy: integer("submitted_by")
      .notNull()
      .references(() => staffUsers.id),
    submittedAt: instant("submitted_at").notNull(),
    acknowledgedAt: instant("acknowledged_at"),
    finishedAt: instant("finished_at"),
    updatedAt: instant("updated_at").notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("escalations_request_idx").on(t.requestId),
    index("escalations_status_idx").on(t.status),
  ],
);
