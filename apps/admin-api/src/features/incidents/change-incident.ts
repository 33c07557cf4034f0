import { type IncidentChange, updateIncident } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { incidentNotice } from "./incident-notice.ts";
import { activeIncident, incidentAudit, view } from "./incidents.use-cases.ts";

export async function changeIncident(
  deps: AppDeps,
  id: number,
  change: IncidentChange,
  who: Actor,
) {
  await activeIncident(deps, id);
  const updated = await updateIncident(
    deps.db,
    id,
    change,
    deps.clock.now(),
    incidentAudit(deps, who, "incident.update", { id }, { ...change }),
    incidentNotice(deps, "updated"),
  );
  if (!updated) throw problems.notFound(`There is no incident ${id}.`);
  return view(updated);
}
