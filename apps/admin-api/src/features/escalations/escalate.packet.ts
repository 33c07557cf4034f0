import type { EscalationMissingItem, EscalationPacket } from "@frontline/core";
import type { FormValues } from "../../platform/console/forms.ts";

// The escalation packet as form text and back, and how readiness maps onto the form.

/** Which field fixes each missing item; the error summary links there. */
export const fieldOf: Record<EscalationMissingItem, string> = {
  "service-health-not-checked": "serviceHealth",
  "service-health-check-stale": "serviceHealth",
  "description-too-short": "description",
  "no-steps-tried": "stepsTried",
  "self-help-not-offered": "selfHelpOffered",
  "partner-contact-missing": "partnerContact",
};

export const checklist: { items: EscalationMissingItem[]; text: string }[] = [
  {
    items: ["service-health-not-checked", "service-health-check-stale"],
    text: "The service health was checked in the last hour",
  },
  { items: ["description-too-short"], text: "The problem is described (at least 30 characters)" },
  { items: ["no-steps-tried"], text: "At least one troubleshooting step tried is listed" },
  {
    items: ["self-help-not-offered"],
    text: "The customer was pointed to self-troubleshooting (or opened an article)",
  },
  { items: ["partner-contact-missing"], text: "A partner contact the operator can reach is given" },
];

export const packetLabels = {
  service: "Service",
  severity: "Severity",
  description: "Description",
  serviceHealth: "Service health",
  stepsTried: "Steps tried",
  articlesSeen: "Articles the customer saw",
  selfHelpOffered: "Self-troubleshooting",
  partnerContact: "Partner contact",
};

const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The form as text, for showing it again. */
export function valuesOf(packet: EscalationPacket): FormValues {
  return {
    service: packet.service,
    severity: packet.severity,
    description: packet.description,
    stepsTried: packet.stepsTried.join("\n"),
    articlesSeen: packet.articlesSeen.join("\n"),
    selfHelpOffered: packet.selfHelpOffered ? "yes" : "",
    partnerContact: packet.partnerContact,
    healthCheckedAt: packet.serviceHealth?.checkedAt.toISOString() ?? "",
    healthStatus: packet.serviceHealth?.status ?? "",
    healthIncidentId: packet.serviceHealth?.incidentId ?? "",
  };
}

/** An internal note the form offers as a step tried. */
export interface OfferedNote {
  readonly id: number;
  readonly body: string;
}

/** The checkbox that adds an internal note to the steps tried. */
export const noteField = (note: OfferedNote) => `note-${note.id}`;

/**
 * The form back to a packet (the service-health check travels in hidden
 * fields): the notes the agent picked come first among the steps tried.
 */
export function packetInput(values: FormValues, notes: readonly OfferedNote[] = []) {
  return {
    service: values.service ?? "",
    severity: values.severity ?? "",
    description: values.description ?? "",
    serviceHealth: values.healthCheckedAt
      ? {
          checkedAt: values.healthCheckedAt,
          status: values.healthStatus ?? "",
          incidentId: values.healthIncidentId || null,
        }
      : null,
    stepsTried: [
      ...notes.filter((note) => values[noteField(note)] === "yes").map((note) => note.body.trim()),
      ...lines(values.stepsTried),
    ],
    articlesSeen: lines(values.articlesSeen),
    selfHelpOffered: values.selfHelpOffered === "yes",
    partnerContact: values.partnerContact ?? "",
  };
}
