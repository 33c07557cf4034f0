export * from "./customers.ts";
export * from "./delivery.ts";
export * from "./help-center.ts";
export * from "./requests.ts";
