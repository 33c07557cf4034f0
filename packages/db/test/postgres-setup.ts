import type { TestProject } from "vitest/node";
import { createTemplate, startTestPostgres } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

/** vitest's global setup for the PostgreSQL project: one server and one migrated template per run. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const template = `frontline_template_${process.pid}`;
  await createTemplate(server.adminUrl, template);
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("postgresTemplate", template);
  return () => server.stop();
}
