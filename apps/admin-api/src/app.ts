import { applySlaPolicy } from "@frontline/db";
import { OpenAPIHono } from "@hono/zod-openapi";
import { adminPortalsApi } from "./features/admin-portals/admin-portals.api.ts";
import { adminPortalsConsole } from "./features/admin-portals/admin-portals.console.ts";
import { attachmentsApi } from "./features/attachments/attachments.api.ts";
import { bulkApi } from "./features/bulk/bulk.api.ts";
import { bulkConsole } from "./features/bulk/bulk.console.ts";
import { cannedRepliesApi } from "./features/canned-replies/canned-replies.api.ts";
import { cannedRepliesConsole } from "./features/canned-replies/canned-replies.console.ts";
import { customersApi } from "./features/customers/customers.api.ts";
import { customersConsole } from "./features/customers/customers.console.ts";
import { deskApi } from "./features/desk/desk.api.ts";
import { deskConsole } from "./features/desk/desk.console.ts";
import { escalationsApi } from "./features/escalations/escalations.api.ts";
import { escalationsConsole } from "./features/escalations/escalations.console.ts";
import { incidentsApi } from "./features/incidents/incidents.api.ts";
import { incidentsConsole } from "./features/incidents/incidents.console.ts";
import { serviceHealthApi } from "./features/incidents/service-health.api.ts";
import { subscriptionPages, subscriptionsApi } from "./features/incidents/subscriptions.api.tsx";
import { queueApi } from "./features/queue/queue.api.ts";
import { queueConsole } from "./features/queue/queue.console.ts";
import { requestsApi } from "./features/requests/requests.api.ts";
import { retentionApi } from "./features/retention/retention.api.ts";
import { retentionConsole } from "./features/retention/retention.console.ts";
import { savedViewsApi } from "./features/saved-views/saved-views.api.ts";
import { savedViewsConsole } from "./features/saved-views/saved-views.console.ts";
import { catalogApi } from "./features/self-service/catalog.api.ts";
import { deflectionsApi } from "./features/self-service/deflections.api.ts";
import { feedbackApi } from "./features/self-service/feedback.api.ts";
import { staffApi } from "./features/staff/staff.api.ts";
import { staffConsole } from "./features/staff/staff.console.ts";
import { identifyActor } from "./platform/actor.ts";
import { apiReference } from "./platform/api-reference/api-reference.ts";
import { authenticateBearer } from "./platform/auth.ts";
import { limitBodies } from "./platform/body-limits.ts";
import { compressDynamic } from "./platform/compression.ts";
import { consoleShell } from "./platform/console/shell.tsx";
import { consoleStartPage } from "./platform/console/start-page.tsx";
import type { AppDeps } from "./platform/deps.ts";
import { publicCors } from "./platform/guards.ts";
import { healthChecks } from "./platform/health.ts";
import { problemHandler } from "./platform/problem.ts";
import { problems } from "./platform/problems.ts";
import { rateLimitedEndpoints } from "./platform/rate-limits.ts";
import { readHelpCenterHashes, securityHeaders } from "./platform/security-headers.ts";
import { authenticateSession } from "./platform/session.ts";
import { staticSite } from "./platform/static-site/static-site.ts";

/**
 * What must hold in the database before the app serves its first request:
 * the stored SLA due instants follow the configured policy, so a changed
 * policy recomputes them (in one transaction). Awaited, not fired beside the
 * first requests: on PostgreSQL those would run at the same time and file
 * requests under the old policy.
 */
export async function prepareDatabase(
  deps: Pick<AppDeps, "db" | "clock" | "config">,
): Promise<void> {
  await applySlaPolicy(deps.db, deps.config.partnerPolicy, deps.clock.now());
}

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
  app.use("/api/v1/*", identifyActor(deps.config.trustedProxies));
  // After authentication (headers only): staff may send more than the public.
  // The console shell applies the same limit inside its error pages.
  app.use("/api/*", limitBodies());
  app.use(
    "/admin/*",
    authenticateSession(deps),
    identifyActor(deps.config.trustedProxies),
    ...consoleShell(deps),
  );
  for (const { method, path, limiters } of rateLimitedEndpoints(deps)) {
    for (const limiter of limiters) app.on(method, path, limiter);
  }

  app.route("/", healthChecks(deps));
  app.route("/", consoleStartPage(deps));

  // The features, each with its API (/api/v1) and console pages (/admin).
  // For the customer's help center: filing and following a request, and what the pages read and send.
  app.route("/", requestsApi(deps));
  app.route("/", attachmentsApi(deps));
  app.route("/", catalogApi(deps));
  app.route("/", feedbackApi(deps));
  app.route("/", deflectionsApi(deps));
  // For the partner's desk.
  app.route("/", queueApi(deps));
  app.route("/", queueConsole(deps));
  app.route("/", savedViewsApi(deps));
  app.route("/", savedViewsConsole(deps));
  app.route("/", deskApi(deps));
  app.route("/", deskConsole(deps));
  app.route("/", bulkApi(deps));
  app.route("/", bulkConsole(deps));
  app.route("/", cannedRepliesApi(deps));
  app.route("/", cannedRepliesConsole(deps));
  app.route("/", escalationsApi(deps));
  app.route("/", escalationsConsole(deps));
  app.route("/", incidentsApi(deps));
  app.route("/", incidentsConsole(deps));
  app.route("/", serviceHealthApi(deps));
  app.route("/", subscriptionsApi(deps));
  app.route("/", subscriptionPages(deps));
  app.route("/", customersApi(deps));
  app.route("/", customersConsole(deps));
  app.route("/", adminPortalsApi(deps));
  app.route("/", adminPortalsConsole(deps));
  // Staff accounts: sign-in, users, tokens, the audit log; and how long requests are kept.
  app.route("/", staffApi(deps));
  app.route("/", staffConsole(deps));
  app.route("/", retentionApi(deps));
  app.route("/", retentionConsole(deps));

  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Frontline API",
      version: "1.0.0",
      description:
        "Support requests, the catalogue and service health for a partner's help center.",
    },
  });

  app.route("/", apiReference());

  app.all("/api/*", () => {
    throw problems.notFound("There is no API endpoint at this address.");
  });
  // Unknown console addresses get the console's 404 page, not the help center's.
  app.all("/admin/*", () => {
    throw problems.notFound();
  });

  if (deps.config.helpCenterDist) app.route("/", staticSite(deps.config.helpCenterDist));
  app.notFound(() => {
    throw problems.notFound();
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
