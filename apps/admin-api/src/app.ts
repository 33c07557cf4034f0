import { OpenAPIHono } from "@hono/zod-openapi";
import { authRouter } from "./auth/auth.index.ts";
import { authenticateSession } from "./auth/session.ts";
import { catalogRouter } from "./catalog/catalog.index.ts";
import { consoleRouter } from "./console/console.index.tsx";
import { consoleShell } from "./console/shell.tsx";
import { consoleCustomersRouter } from "./console-customers/console-customers.index.ts";
import { deskPagesRouter } from "./console-desk/desk-pages.index.tsx";
import { consoleEscalationsRouter } from "./console-escalations/console-escalations.index.ts";
import { consoleIncidentsRouter } from "./console-incidents/console-incidents.index.ts";
import { customersRouter } from "./customers/customers.index.ts";
import { deflectionsRouter } from "./deflections/deflections.index.ts";
import { deskRouter } from "./desk/desk.index.ts";
import { docsRouter } from "./docs/docs.index.ts";
import { escalationsRouter } from "./escalations/escalations.index.ts";
import { feedbackRouter } from "./feedback/feedback.index.ts";
import { healthRouter } from "./health/health.index.ts";
import { helpCenterRouter } from "./help-center/help-center.index.ts";
import { incidentsRouter } from "./incidents/incidents.index.ts";
import { authenticateBearer } from "./platform/auth.ts";
import { limitBodies } from "./platform/body-limits.ts";
import { compressDynamic } from "./platform/compression.ts";
import type { AppDeps } from "./platform/deps.ts";
import { publicCors } from "./platform/guards.ts";
import { Problem, problemHandler } from "./platform/problem.ts";
import { rateLimitedEndpoints } from "./platform/rate-limits.ts";
import { readHelpCenterHashes, securityHeaders } from "./platform/security-headers.ts";
import { requestsRouter } from "./requests/requests.index.ts";
import { serviceHealthRouter } from "./service-health/service-health.index.ts";

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
