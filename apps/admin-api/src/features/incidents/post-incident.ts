import type { IncidentInput } from "@frontline/core";
import { createIncident } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { incidentNotice } from "./incident-notice.ts";
import { incidentAudit, view } from "./incidents.use-cases.ts";

export async function postIncident(deps: AppDeps, input: IncidentInput, who: Actor) {
  const incident = await createIncident(
    deps.db,
    input,
    deps.clock.now(),
    (created) =>
      incidentAudit(deps, who, "incident.create", created, {
        service: input.service,
        impact: input.impact,
      }),
    incidentNotice(deps, "posted"),
  );
  return view(incident);
}
