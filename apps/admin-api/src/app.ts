import { OpenAPIHono } from "@hono/zod-openapi";
import { customersRouter } from "./features/customers/customers.api.ts";
import { consoleCustomersRouter } from "./features/customers/customers.console.ts";
import { deskRouter } from "./features/desk/desk.api.ts";
import { deskPagesRouter } from "./features/desk/desk.console.tsx";
import { escalationsRouter } from "./features/escalations/escalations.api.ts";
import { consoleEscalationsRouter } from "./features/escalations/escalations.console.ts";
import { incidentsRouter } from "./features/incidents/incidents.api.ts";
import { consoleIncidentsRouter } from "./features/incidents/incidents.console.ts";
import { serviceHealthRouter } from "./features/incidents/service-health.api.ts";
import { requestsRouter } from "./features/requests/requests.api.ts";
import { catalogRouter } from "./features/self-service/catalog.api.ts";
import { deflectionsRouter } from "./features/self-service/deflections.api.ts";
import { feedbackRouter } from "./features/self-service/feedback.api.ts";
import { authRouter } from "./features/staff/staff.api.ts";
import { docsRouter } from "./platform/api-reference/api-reference.ts";
import { authenticateBearer } from "./platform/auth.ts";
import { limitBodies } from "./platform/body-limits.ts";
import { compressDynamic } from "./platform/compression.ts";
import { consoleShell } from "./platform/console/shell.tsx";
import { consoleRouter } from "./platform/console/start-page.tsx";
import type { AppDeps } from "./platform/deps.ts";
import { publicCors } from "./platform/guards.ts";
import { healthRouter } from "./platform/health.ts";
import { Problem, problemHandler } from "./platform/problem.ts";
import { rateLimitedEndpoints } from "./platform/rate-limits.ts";
import { readHelpCenterHashes, securityHeaders } from "./platform/security-headers.ts";
import { authenticateSession } from "./platform/session.ts";
import { helpCenterRouter } from "./platform/static-site/static-site.ts";

/**
 * Builds the whole server from its dependencies. Tests call
 * `createApp(deps).request(...)`; main.ts hands the same app to Node.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.onError(problemHandler);
  // Outermost, so every answer (errors and 404s too) carries them.
  app.use(
    securityHeaders({
      hashes: readHelpCenterHashes(deps.config.helpCenterDist),
      trustedProxies: deps.config.trustedProxies,
    }),
  );
  app.use(compressDynamic());
  app.use("/api/v1/*", publicCors(deps.config));
  app.use("/api/v1/*", authenticateBearer(deps));
  // After the bearer check, so a token in Authorization wins over a session cookie.
  app.use("/api/v1/*", authenticateSession(deps));
  // After authentication (headers only): staff may send more than the public.
  // The console shell applies the same limit inside its error pages.
  app.use("/api/*", limitBodies());
  app.use("/admin/*", authenticateSession(deps), ...consoleShell(deps));
  for (const { method, path, limiters } of rateLimitedEndpoints(deps.config)) {
    for (const limiter of limiters) app.on(method, path, limiter);
  }

  app.route("/", healthRouter(deps));
  app.route("/", authRouter(deps));
  app.route("/", consoleRouter(deps));
  app.route("/", deskPagesRouter(deps));
  app.route("/", consoleEscalationsRouter(deps));
  app.route("/", consoleIncidentsRouter(deps));
  app.route("/", consoleCustomersRouter(deps));
  app.route("/", catalogRouter(deps));
  app.route("/", requestsRouter(deps));
  app.route("/", feedbackRouter(deps));
  app.route("/", deflectionsRouter(deps));
  app.route("/", escalationsRouter(deps));
  app.route("/", deskRouter(deps));
  app.route("/", incidentsRouter(deps));
  app.route("/", customersRouter(deps));
  app.route("/", serviceHealthRouter(deps));

  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Frontline API",
      version: "1.0.0",
      description:
        "Support requests, the catalogue and service health for a partner's help center.",
    },
  });

  app.route("/", docsRouter());

  app.all("/api/*", () => {
    throw Problem.notFound("There is no API endpoint at this address.");
  });
  // Unknown console addresses get the console's 404 page, not the help center's.
  app.all("/admin/*", () => {
    throw Problem.notFound();
  });

  if (deps.config.helpCenterDist) app.route("/", helpCenterRouter(deps.config.helpCenterDist));
  app.notFound(() => {
    throw Problem.notFound();
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
