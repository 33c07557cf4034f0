import { type IncidentView, label, localeNames, type Service } from "@frontline/core";
import type { FormErrors, FormValues } from "../../platform/console/forms.ts";
import { CsrfInput, Field, SelectField, TextAreaField } from "../../platform/console/ui.tsx";
import { impactNames, serviceOptions } from "../../platform/console/words.ts";
import { impacts, openStatuses, utcText } from "./incident-input.ts";

export const incidentStatusNames: Readonly<Record<string, string>> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

const statusOptions = openStatuses.map((s) => ({ value: s, label: incidentStatusNames[s] ?? s }));
const impactOptions = impacts.map((i) => ({ value: i, label: impactNames[i] }));
const translations = ["de", "it", "zh-cn"] as const;

/** What one form on the page shows: its kept input and its errors. */
export interface FormState {
  readonly values: FormValues;
  readonly errors: FormErrors;
}

/** Several forms share field names, so each form's ids carry its own prefix. */
export const fieldIdIn = (form: string, name: string) =>
  form === "create" ? `field-${name}` : `${form}-${name}`;

export const fieldLabels: Record<string, string> = {
  service: "Service",
  impact: "Impact",
  status: "Status",
  startedAt: "Started at",
  "message-en": "Message in English",
  "message-de": "Message in German",
  "message-it": "Message in Italian",
  "message-zh-cn": "Message in Simplified Chinese",
};

function MessageFields(props: {
  form: string;
  state: FormState;
  englishLabel: string;
  englishHint: string;
  englishRequired: boolean;
}) {
  const { form, state } = props;
  return (
    <>
      <TextAreaField
        id={fieldIdIn(form, "message-en")}
        label={props.englishLabel}
        name="message-en"
        rows={3}
        maxlength={2_000}
        hint={props.englishHint}
        required={props.englishRequired}
        value={state.values["message-en"]}
        error={state.errors["message-en"]}
      />
      <details open={translations.some((l) => state.values[`message-${l}`]) || undefined}>
        <summary>Translations (optional)</summary>
        {translations.map((locale) => (
          <TextAreaField
            id={fieldIdIn(form, `message-${locale}`)}
            label={`${fieldLabels[`message-${locale}`]} (${label(localeNames, locale)})`}
            name={`message-${locale}`}
            rows={2}
            maxlength={2_000}
            value={state.values[`message-${locale}`]}
            error={state.errors[`message-${locale}`]}
          />
        ))}
      </details>
    </>
  );
}

export function CreateIncidentForm(props: {
  services: readonly Service[];
  state: FormState;
  now: Date;
}) {
  const { values, errors } = props.state;
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">Post an incident</h2>
      <form id="incident-create" method="post" action="/admin/incidents" class="stack" novalidate>
        <CsrfInput />
        <SelectField
          label="Service"
          name="service"
          options={serviceOptions(props.services)}
          value={values.service}
          error={errors.service}
          required
        />
        <SelectField
          label="Impact"
          name="impact"
          options={impactOptions}
          value={values.impact}
          error={errors.impact}
          required
        />
        <SelectField
          label="Status"
          name="status"
          options={statusOptions}
          value={values.status}
          error={errors.status}
          required
        />
        <Field
          label="Started at"
          name="startedAt"
          hint="UTC, like 2026-11-21 09:30"
          autocomplete="off"
          value={values.startedAt ?? utcText(props.now)}
          error={errors.startedAt}
          required
        />
        <MessageFields
          form="create"
          state={props.state}
          englishLabel={fieldLabels["message-en"] ?? ""}
          englishHint="What customers see on the status page and the contact form."
          englishRequired
        />
        <div>
          <button type="submit">Post incident</button>
        </div>
      </form>
    </section>
  );
}

export function UpdateIncidentForm(props: { incident: IncidentView; state: FormState }) {
  const { incident } = props;
  const form = `update-${incident.id}`;
  const values = { impact: incident.impact, status: incident.status, ...props.state.values };
  const { errors } = props.state;
  return (
    <form
      id={`incident-${incident.id}-update`}
      method="post"
      action={`/admin/incidents/${incident.id}`}
      class="stack"
      novalidate
      aria-label={`Update incident ${incident.id}`}
    >
      <CsrfInput />
      <SelectField
        id={fieldIdIn(form, "status")}
        label="Status"
        name="status"
        options={statusOptions}
        value={values.status}
        error={errors.status}
      />
      <SelectField
        id={fieldIdIn(form, "impact")}
        label="Impact"
        name="impact"
        options={impactOptions}
        value={values.impact}
        error={errors.impact}
      />
      <MessageFields
        form={form}
        state={{ values, errors }}
        englishLabel="New message in English"
        englishHint="Leave a language empty to keep its current text."
        englishRequired={false}
      />
      <div>
        <button type="submit">
          Update incident<span class="visually-hidden"> {incident.id}</span>
        </button>
      </div>
    </form>
  );
}

export function ResolveIncidentForm(props: { incident: IncidentView; state: FormState }) {
  const { incident, state } = props;
  const form = `resolve-${incident.id}`;
  const checkboxId = `${form}-resolveLinkedRequests`;
  return (
    <form
      id={`incident-${incident.id}-resolve`}
      method="post"
      action={`/admin/incidents/${incident.id}/resolve`}
      class="stack"
      novalidate
      aria-label={`Resolve incident ${incident.id}`}
    >
      <CsrfInput />
      <MessageFields
        form={form}
        state={state}
        englishLabel="Closing message in English"
        englishHint="Shown on the status page; with the box below ticked, also sent to the customers."
        englishRequired={false}
      />
      <div class="checkbox">
        <input
          type="checkbox"
          id={checkboxId}
          name="resolveLinkedRequests"
          value="yes"
          checked={state.values.resolveLinkedRequests === "yes"}
        />
        <label for={checkboxId}>Resolve every linked request with this message</label>
      </div>
      <div>
        <button type="submit" class="danger">
          Resolve incident<span class="visually-hidden"> {incident.id}</span>
        </button>
      </div>
    </form>
  );
}
