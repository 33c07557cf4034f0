import { incidentClosingText, type Locale } from "@frontline/core";
import { type IncidentClosing, resolveIncident } from "@frontline/db";
import { type Actor, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { mayMoveStatus, planStatusMove } from "../requests/move-request-status.ts";
import { incidentNotice } from "./incident-notice.ts";
import { activeIncident, incidentAudit, view } from "./incidents.use-cases.ts";

/**
 * Resolves an incident. With resolveLinkedRequests, every open request
 * filed about it gets the closing message as a public reply and moves to
 * resolved, where the caller's role may do that along the lifecycle; the
 * rest are listed for the partner.
 */
export async function closeIncident(
  deps: AppDeps,
  id: number,
  options: { message?: Partial<Record<Locale, string>>; resolveLinkedRequests: boolean },
  who: Actor,
) {
  await activeIncident(deps, id);
  const now = deps.clock.now();
  const role = staffOf(who).role;
  const leftForPartner: string[] = [];
  // Decided inside the resolution's transaction, on the requests as they are then.
  const closing: IncidentClosing = (incident, open) => {
    leftForPartner.length = 0;
    if (!options.resolveLinkedRequests) return [];
    return open.flatMap((request) => {
      if (!mayMoveStatus(deps, request, "resolved", role)) {
        leftForPartner.push(request.number);
        return [];
      }
      const text = incidentClosingText(
        options.message,
        request.locale,
        deps.config.services.find((s) => s.id === incident.service)?.label[request.locale] ??
          incident.service,
      );
      return [
        planStatusMove(deps, request, "resolved", role, { message: { type: "reply", body: text } }),
      ];
    });
  };
  const resolved = await resolveIncident(
    deps.db,
    id,
    now,
    options.message,
    closing,
    (result) =>
      incidentAudit(deps, who, "incident.resolve", result.incident, {
        resolvedRequests: result.moved.map((request) => request.number),
        leftForPartner,
      }),
    incidentNotice(deps, "resolved"),
  );
  if (!resolved) {
    // Resolved meanwhile by someone else: the same 409 as resolving a resolved incident.
    await activeIncident(deps, id);
    throw problems.notFound(`There is no incident ${id}.`);
  }
  const resolvedRequests = resolved.moved.map((request) => request.number);
  return { incident: view(resolved.incident), resolvedRequests, leftForPartner };
}
