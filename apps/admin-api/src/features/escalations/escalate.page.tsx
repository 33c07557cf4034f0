import {
  type EscalationMissingItem,
  escalationPacketSchema,
  escalationReadiness,
} from "@frontline/core";
import type { RequestRow } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  formFields,
  parseForm,
  readForm,
} from "../../platform/console/forms.ts";
import {
  ErrorSummary,
  Field,
  SelectField,
  TextAreaField,
  Time,
} from "../../platform/console/ui.tsx";
import { serviceOptions, severityOptions } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { requestForDesk } from "../desk/desk.use-cases.ts";
import {
  checklist,
  fieldOf,
  noteField,
  type OfferedNote,
  packetInput,
  packetLabels,
  valuesOf,
} from "./escalate.packet.ts";
import { escalateRequest } from "./escalate-request.ts";
import { escalationDraft } from "./escalations.use-cases.ts";

// The escalation packet as a form. Readiness is core's rule; the page shows
// it as a checklist and, when refused, lists every missing item at once.

interface EscalateState {
  readonly row: RequestRow;
  /** The request's internal notes, offered as steps tried. */
  readonly notes: readonly OfferedNote[];
  readonly version: number;
  readonly values: FormValues;
  readonly missing: readonly EscalationMissingItem[];
  readonly errors: FormErrors;
}

/** Core's readiness rule as a checklist: what is done and what is still missing. */
function Readiness({ missing }: { missing: readonly EscalationMissingItem[] }) {
  return (
    <ul class="checklist" id="readiness">
      {checklist.map((line) => {
        const open = line.items.some((item) => missing.includes(item));
        return (
          <li data-ready={open ? "false" : "true"}>
            <strong>{open ? "Missing:" : "Done:"}</strong> {line.text}
          </li>
        );
      })}
    </ul>
  );
}

/** The service health check the packet carries, and a button to check it again. */
function HealthCheck({ values, error }: { values: FormValues; error: string | undefined }) {
  const checkedAt = values.healthCheckedAt ? new Date(values.healthCheckedAt) : null;
  return (
    <fieldset id="field-serviceHealth" tabindex={-1} aria-describedby="health-hint">
      <legend>Service health</legend>
      <span class="hint" id="health-hint">
        The operator needs a check from the last hour.
      </span>
      {error ? (
        <span class="field-error">
          <span class="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <p data-health>
        {checkedAt ? (
          <>
            Checked <Time value={checkedAt} />: {values.healthStatus}
            {values.healthIncidentId ? `, incident #${values.healthIncidentId}` : ", no incident"}.
          </>
        ) : (
          "Not checked yet."
        )}
      </p>
      <button type="submit" name="intent" value="check-health" class="secondary">
        Check the service health again
      </button>
    </fieldset>
  );
}

/** Internal notes offered as steps tried: none goes to the operator unless picked. */
function OfferedNotes({ notes, values }: { notes: readonly OfferedNote[]; values: FormValues }) {
  if (notes.length === 0) return null;
  return (
    <fieldset id="offered-notes">
      <legend>Internal notes to add as steps tried</legend>
      <span class="hint">The operator sees only the notes you tick, as written here.</span>
      {notes.map((note) => (
        <label class="offered-note">
          <input
            type="checkbox"
            name={noteField(note)}
            value="yes"
            checked={values[noteField(note)] === "yes"}
          />{" "}
          <span class="message-body">{note.body}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The partner's word that the customer was pointed to self-troubleshooting first. */
function SelfHelpOffered({ checked, error }: { checked: boolean; error: string | undefined }) {
  return (
    <div class="field">
      {error ? (
        <span class="field-error" id="field-selfHelpOffered-error">
          <span class="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <label>
        <input
          type="checkbox"
          id="field-selfHelpOffered"
          name="selfHelpOffered"
          value="yes"
          checked={checked}
          aria-describedby={error ? "field-selfHelpOffered-error" : undefined}
          aria-invalid={error ? "true" : undefined}
        />{" "}
        I pointed the customer to self-troubleshooting
      </label>
    </div>
  );
}

function EscalatePage({ deps, state }: { deps: AppDeps; state: EscalateState }) {
  const { row, values, errors } = state;
  const field = formFields(values, errors);
  return (
    <>
      <p>
        <a href={`/admin/requests/${row.number}`}>Back to {row.number}</a>
      </p>
      <h1>Escalate {row.number} to the operator</h1>
      <p>{row.subject}</p>
      <ErrorSummary errors={errors} labels={packetLabels} />
      <h2>Ready for the operator?</h2>
      <Readiness missing={state.missing} />
      <PostForm action={`/admin/requests/${row.number}/escalate`} id="escalation-form">
        <input type="hidden" name="version" value={String(state.version)} />
        <input type="hidden" name="healthCheckedAt" value={values.healthCheckedAt ?? ""} />
        <input type="hidden" name="healthStatus" value={values.healthStatus ?? ""} />
        <input type="hidden" name="healthIncidentId" value={values.healthIncidentId ?? ""} />
        <SelectField
          label="Service"
          {...field("service")}
          options={serviceOptions(deps.config.services)}
        />
        <SelectField label="Severity" {...field("severity")} options={severityOptions} />
        <TextAreaField
          label="Description"
          {...field("description")}
          hint="What is wrong, for whom, since when: at least 30 characters."
          maxlength={10_000}
          rows={6}
        />
        <HealthCheck values={values} error={errors.serviceHealth} />
        <TextAreaField
          label="Steps tried"
          {...field("stepsTried")}
          hint="One step per line, each at least 10 characters."
          rows={5}
        />
        <OfferedNotes notes={state.notes} values={values} />
        <TextAreaField
          label="Articles the customer saw"
          {...field("articlesSeen")}
          hint="One article per line."
          rows={3}
        />
        <SelfHelpOffered
          checked={values.selfHelpOffered === "yes"}
          error={errors.selfHelpOffered}
        />
        <Field
          label="Partner contact"
          {...field("partnerContact")}
          hint="Who the operator's engineer can reach at the partner."
          maxlength={200}
        />
        <Submit name="intent" value="escalate">
          Escalate to the operator
        </Submit>
      </PostForm>
    </>
  );
}

function render(c: StaffContext, deps: AppDeps, state: EscalateState, status = 200) {
  c.status(status as 200);
  return c.render(<EscalatePage deps={deps} state={state} />, {
    title: `Escalate ${state.row.number}`,
  });
}

/** What readiness says about the typed packet, or everything if it does not parse yet. */
function missingOf(
  values: FormValues,
  notes: readonly OfferedNote[],
  now: Date,
): EscalationMissingItem[] {
  const parsed = escalationPacketSchema.safeParse(packetInput(values, notes));
  return parsed.success ? [...escalationReadiness(parsed.data, now).missing] : [];
}

export function showEscalate(deps: AppDeps) {
  return async (c: StaffContext) => {
    const row = await requestForDesk(deps, c.req.param("number") ?? "");
    const draft = await escalationDraft(deps, row, c.var.staff);
    return render(c, deps, {
      row,
      notes: draft.notesToOffer,
      version: draft.version,
      values: valuesOf(draft.packet),
      missing: draft.readiness.missing.map((m) => m.item),
      errors: {},
    });
  };
}

export function submitEscalate(deps: AppDeps) {
  return async (c: StaffContext) => {
    const staff = c.var.staff;
    const row = await requestForDesk(deps, c.req.param("number") ?? "");
    const { _csrf, intent, version, ...values } = await readForm(c);
    const now = deps.clock.now();
    const draft = await escalationDraft(deps, row, staff);
    const notes = draft.notesToOffer;
    const again = (errors: FormErrors, status: number, kept = values) =>
      render(
        c,
        deps,
        {
          row,
          notes,
          version: row.version,
          values: kept,
          missing: missingOf(kept, notes, now),
          errors,
        },
        status,
      );

    if (intent === "check-health") {
      const fresh = draft.packet.serviceHealth;
      return again({}, 200, {
        ...values,
        healthCheckedAt: fresh?.checkedAt.toISOString() ?? "",
        healthStatus: fresh?.status ?? "",
        healthIncidentId: fresh?.incidentId ?? "",
      });
    }
    const parsed = parseForm(escalationPacketSchema, packetInput(values, notes));
    if (!parsed.ok) return again(parsed.errors, 422);
    try {
      await escalateRequest(deps, c.var.actor, row, Number(version), parsed.data);
    } catch (error) {
      if (error instanceof Problem && error.slug === "escalation-not-ready") {
        const errors: FormErrors = {};
        for (const e of error.errors ?? []) {
          const field = fieldOf[e.field as EscalationMissingItem] ?? "_form";
          errors[field] ??= e.message;
        }
        return again(errors, 422);
      }
      return again(errorsFromProblem(error), error instanceof Problem ? error.status : 409);
    }
    return c.redirect(`/admin/requests/${row.number}?notice=request-escalated`, 303);
  };
}
