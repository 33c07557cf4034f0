export * from "./customers.ts";
export * from "./requests.ts";
