export * from "./customers.ts";
export * from "./help-center.ts";
export * from "./requests.ts";
