import { z } from "zod";
import { severityIds } from "./catalog.ts";
import { plainText } from "./text.ts";

export const serviceStatuses = ["operational", "degraded", "outage"] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** How long a service-health check stays good enough to escalate on. */
export const HEALTH_CHECK_MAX_AGE_MINUTES = 60;

/**
 * The packet a partner sends the operator. The operator expects proof that
 * the partner did its part, so each part is a field readiness can inspect.
 */
export const escalationPacketSchema = z.object({
  service: z.string().min(1),
  severity: z.enum(severityIds),
  description: plainText().max(10_000),
  serviceHealth: z
    .object({
      checkedAt: z.coerce.date(),
      status: z.enum(serviceStatuses),
      incidentId: z.string().nullable(),
    })
    .nullable(),
  stepsTried: z.array(plainText().max(2_000)).max(50),
  articlesSeen: z.array(z.string()).max(100),
  /** The partner pointed the customer to self-troubleshooting. */
  selfHelpOffered: z.boolean(),
  partnerContact: plainText().max(200),
});
export type EscalationPacket = z.infer<typeof escalationPacketSchema>;

export const escalationMissingItems = [
  "service-health-not-checked",
  "service-health-check-stale",
  "description-too-short",
  "no-steps-tried",
  "self-help-not-offered",
  "partner-contact-missing",
] as const;
export type EscalationMissingItem = (typeof escalationMissingItems)[number];

export interface EscalationReadiness {
  readonly ready: boolean;
  readonly missing: readonly EscalationMissingItem[];
}

const MIN_DESCRIPTION = 30;
const MIN_STEP = 10;

/**
 * Says whether a packet is good enough for the operator, and if not,
 * everything that is missing at once so the partner fixes it in one go.
 */
export function escalationReadiness(packet: EscalationPacket, now: Date): EscalationReadiness {
  const missing: EscalationMissingItem[] = [];
  if (!packet.serviceHealth) missing.push("service-health-not-checked");
  else {
    const ageMs = now.getTime() - packet.serviceHealth.checkedAt.getTime();
    if (ageMs > HEALTH_CHECK_MAX_AGE_MINUTES * 60_000) missing.push("service-health-check-stale");
  }
  if (packet.description.trim().length < MIN_DESCRIPTION) missing.push("description-too-short");
  if (!packet.stepsTried.some((step) => step.trim().length >= MIN_STEP)) {
    missing.push("no-steps-tried");
  }
  // Articles the customer opened count as self-help already tried.
  if (!packet.selfHelpOffered && packet.articlesSeen.length === 0) {
    missing.push("self-help-not-offered");
  }
  if (packet.partnerContact.trim().length === 0) missing.push("partner-contact-missing");
  return { ready: missing.length === 0, missing };
}

export const escalationStatuses = [
  "submitted",
  "acknowledged",
  "engineer-assigned",
  "resolved",
  "returned-to-partner",
] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];

/**
 * How an escalation moves on the operator's side. "Returned to partner"
 * hands the request back (something was missing or it is not the
 * operator's problem); "resolved" means the operator fixed it.
 */
export const escalationTransitions: Readonly<
  Record<EscalationStatus, readonly EscalationStatus[]>
> = {
  submitted: ["acknowledged", "returned-to-partner"],
  acknowledged: ["engineer-assigned", "resolved", "returned-to-partner"],
  "engineer-assigned": ["resolved", "returned-to-partner"],
  resolved: [],
  "returned-to-partner": [],
};

export function canMoveEscalation(from: EscalationStatus, to: EscalationStatus): boolean {
  return escalationTransitions[from].includes(to);
}

/** An escalation that is finished no longer runs the operator's clock. */
export const finishedEscalationStatuses: readonly EscalationStatus[] = [
  "resolved",
  "returned-to-partner",
];
