export * from "./client.ts";
export * from "./requests.ts";
export * as schema from "./schema/index.ts";
