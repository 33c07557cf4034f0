import { type IncidentView, label, localeNames, type Service } from "@frontline/core";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import { type FormErrors, type FormValues, formFields } from "../../platform/console/forms.ts";
import { Field, SelectField, TextAreaField } from "../../platform/console/ui.tsx";
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
  const field = formFields(state.values, state.errors, (name) => fieldIdIn(form, name));
  return (
    <>
      <TextAreaField
        {...field("message-en")}
        label={props.englishLabel}
        rows={3}
        maxlength={2_000}
        hint={props.englishHint}
        required={props.englishRequired}
      />
      <details open={translations.some((l) => state.values[`message-${l}`]) || undefined}>
        <summary>Translations (optional)</summary>
        {translations.map((locale) => (
          <TextAreaField
            {...field(`message-${locale}`)}
            label={`${fieldLabels[`message-${locale}`]} (${label(localeNames, locale)})`}
            rows={2}
            maxlength={2_000}
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
  const field = formFields(values, errors);
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">Post an incident</h2>
      <PostForm id="incident-create" action="/admin/incidents">
        <SelectField
          label="Service"
          {...field("service")}
          options={serviceOptions(props.services)}
          required
        />
        <SelectField label="Impact" {...field("impact")} options={impactOptions} required />
        <SelectField label="Status" {...field("status")} options={statusOptions} required />
        <Field
          label="Started at"
          {...field("startedAt")}
          value={values.startedAt ?? utcText(props.now)}
          hint="UTC, like 2026-11-21 09:30"
          autocomplete="off"
          required
        />
        <MessageFields
          form="create"
          state={props.state}
          englishLabel={fieldLabels["message-en"] ?? ""}
          englishHint="What customers see on the status page and the contact form."
          englishRequired
        />
        <Submit>Post incident</Submit>
      </PostForm>
    </section>
  );
}

export function UpdateIncidentForm(props: { incident: IncidentView; state: FormState }) {
  const { incident } = props;
  const form = `update-${incident.id}`;
  const values = { impact: incident.impact, status: incident.status, ...props.state.values };
  const { errors } = props.state;
  const field = formFields(values, errors, (name) => fieldIdIn(form, name));
  return (
    <PostForm
      id={`incident-${incident.id}-update`}
      action={`/admin/incidents/${incident.id}`}
      label={`Update incident ${incident.id}`}
    >
      <SelectField label="Status" {...field("status")} options={statusOptions} />
      <SelectField label="Impact" {...field("impact")} options={impactOptions} />
      <MessageFields
        form={form}
        state={{ values, errors }}
        englishLabel="New message in English"
        englishHint="Leave a language empty to keep its current text."
        englishRequired={false}
      />
      <Submit>
        Update incident<span class="visually-hidden"> {incident.id}</span>
      </Submit>
    </PostForm>
  );
}

export function ResolveIncidentForm(props: { incident: IncidentView; state: FormState }) {
  const { incident, state } = props;
  const form = `resolve-${incident.id}`;
  const checkboxId = `${form}-resolveLinkedRequests`;
  return (
    <PostForm
      id={`incident-${incident.id}-resolve`}
      action={`/admin/incidents/${incident.id}/resolve`}
      label={`Resolve incident ${incident.id}`}
    >
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
      <Submit tone="danger">
        Resolve incident<span class="visually-hidden"> {incident.id}</span>
      </Submit>
    </PostForm>
  );
}
