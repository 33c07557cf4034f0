export * from "./admin-portals.ts";
export * from "./api-tokens.ts";
export * from "./attachments.ts";
export * from "./audit-log.ts";
export {
  type BackupContents,
  BackupError,
  type BackupReport,
  backupDatabase,
} from "./backup.ts";
export * from "./canned-replies.ts";
export * from "./client.ts";
export { type CopiedTable, CopyRefusedError, copyDatabase } from "./copy-database.ts";
export * from "./customers.ts";
export * from "./deflections.ts";
export * from "./desk.ts";
export * from "./escalations.ts";
export * from "./feedback.ts";
export * from "./incident-subscriptions.ts";
export * from "./incident-timeline.ts";
export * from "./incidents.ts";
export * from "./inspect.ts";
export * from "./outbox.ts";
export * from "./queue.ts";
export { ftsMatchExpression } from "./queue-search.ts";
export * from "./rate-limits.ts";
export * from "./request-status.ts";
export * from "./request-timeline.ts";
export * from "./requests.ts";
export { type RestoreReport, restoreDatabase } from "./restore.ts";
export * from "./retention.ts";
export * from "./satisfaction.ts";
export * from "./saved-views.ts";
export * as schema from "./schema/index.ts";
export type { StaffRole } from "./schema/staff.ts";
export * from "./seed/seed.ts";
export * from "./sessions.ts";
export * from "./sign-in-throttle.ts";
export * from "./sla.ts";
export * from "./staff-users.ts";
export * from "./tags.ts";
