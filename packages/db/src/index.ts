export * from "./client.ts";
export * from "./deflections.ts";
export * from "./help-center.ts";
export * from "./outbox.ts";
export * from "./requests.ts";
export * as schema from "./schema/index.ts";
export type { StaffRole } from "./schema/staff.ts";
export * from "./staff.ts";
export * from "./escalations.ts";
