export * from "./customers.ts";
export * from "./delivery.ts";
export * from "./escalations.ts";
export * from "./help-center.ts";
export * from "./limits.ts";
export * from "./requests.ts";
export * from "./sla.ts";
export * from "./staff.ts";
