import {
  type EscalationStatus,
  escalationStatuses,
  escalationTransitions,
  finishedEscalationStatuses,
} from "@frontline/core";
import { z } from "zod";
import type { StaffContext } from "../../platform/app-env.ts";
import type { StaffPrincipal } from "../../platform/auth.ts";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  formFields,
  keptValues,
  parseForm,
  pathId,
  readForm,
} from "../../platform/console/forms.ts";
import {
  ErrorSummary,
  Field,
  SelectField,
  TextAreaField,
  Time,
} from "../../platform/console/ui.tsx";
import {
  escalationStatusNames,
  serviceName,
  serviceStatusNames,
  severityName,
} from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { articleTitle } from "../../platform/static-site/article-titles.ts";
import { AttachmentList } from "../attachments/attachment-list.tsx";
import { escalationDetail, findEscalation, type packetJson } from "./escalations.use-cases.ts";
import { SlaClock } from "./sla-clock.tsx";
import { updateAsOperator } from "./update-as-operator.ts";

type EscalationView = Awaited<ReturnType<typeof escalationDetail>>;

const labels = {
  status: "New status",
  operatorReference: "Operator reference",
  message: "Message",
};

const optional = (schema: z.ZodString) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

/** The form's fields; the same limits as the JSON API's PATCH. */
const updateFormSchema = z
  .object({
    version: z.coerce.number().int().positive(),
    status: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(escalationStatuses, { error: "Choose a status from the list." }).optional(),
    ),
    operatorReference: optional(z.string().trim().max(100, "Use at most 100 characters.")),
    message: optional(z.string().trim().max(10_000, "Use at most 10,000 characters.")),
  })
  .refine((u) => u.status || u.operatorReference || u.message, {
    message: "Choose a new status, or enter a reference or a message.",
  });

const canUpdate = (staff: StaffPrincipal) => staff.role === "operator" || staff.role === "admin";

function Packet({
  packet,
  deps,
  files,
  escalationId,
}: {
  packet: ReturnType<typeof packetJson>;
  deps: AppDeps;
  files: EscalationView["files"];
  escalationId: number;
}) {
  const health = packet.serviceHealth;
  return (
    <dl class="facts">
      <dt>Service</dt>
      <dd>{serviceName(deps.config.services, packet.service)}</dd>
      <dt>Severity</dt>
      <dd>{severityName(packet.severity)}</dd>
      <dt>Description</dt>
      <dd class="message-body">{packet.description}</dd>
      <dt>Service health at the time</dt>
      <dd>
        {health ? (
          <>
            {serviceStatusNames[health.status]}, checked <Time value={new Date(health.checkedAt)} />
            {health.incidentId ? `, incident ${health.incidentId}` : ""}
          </>
        ) : (
          "Not checked"
        )}
      </dd>
      <dt>Steps tried</dt>
      <dd>
        {packet.stepsTried.length ? (
          <ul>
            {packet.stepsTried.map((step) => (
              <li class="message-body">{step}</li>
            ))}
          </ul>
        ) : (
          "None listed"
        )}
      </dd>
      <dt>Articles the customer saw</dt>
      <dd>
        {packet.articlesSeen.length ? (
          <ul>
            {packet.articlesSeen.map((slug) => (
              <li>
                <a href={`/en/articles/${slug}/`}>
                  {articleTitle(deps.config.articleTitles, slug, "en")}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          "None"
        )}
      </dd>
      <dt>Files</dt>
      <dd>
        <AttachmentList
          files={files}
          hrefOf={(id) => `/api/v1/escalations/${escalationId}/attachments/${id}`}
          none="None"
        />
      </dd>
      <dt>Self-help offered</dt>
      <dd>{packet.selfHelpOffered ? "Yes" : "No"}</dd>
      <dt>Partner contact</dt>
      <dd class="mono">{packet.partnerContact || "—"}</dd>
    </dl>
  );
}

function UpdateForm(props: { escalation: EscalationView; values: FormValues; errors: FormErrors }) {
  const { escalation, values, errors } = props;
  const current = escalation.status as EscalationStatus;
  const moves = escalationTransitions[current];
  const field = formFields(values, errors);
  return (
    <section aria-labelledby="update-title">
      <h2 id="update-title">Update the escalation</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <PostForm id="escalation-update" action={`/admin/escalations/${escalation.id}`}>
        <input type="hidden" name="version" value={String(escalation.version)} />
        <SelectField
          label={labels.status}
          {...field("status")}
          value={values.status ?? ""}
          hint="Resolved resolves the request; returned to partner hands it back to the desk."
          options={[
            { value: "", label: `No change (${escalationStatusNames[current]})` },
            ...moves.map((s) => ({ value: s, label: escalationStatusNames[s] })),
          ]}
        />
        <Field
          label={labels.operatorReference}
          {...field("operatorReference")}
          value={values.operatorReference ?? ""}
          autocomplete="off"
          spellcheck={false}
          maxlength={100}
          hint="Your own case number; leave empty to keep the current one."
        />
        <TextAreaField
          label={labels.message}
          {...field("message")}
          maxlength={10_000}
          hint="For the partner's desk; the customer does not see it."
        />
        <Submit>Update escalation</Submit>
      </PostForm>
    </section>
  );
}

function EscalationPage(props: {
  escalation: EscalationView;
  deps: AppDeps;
  staff: StaffPrincipal;
  values: FormValues;
  errors: FormErrors;
}) {
  const { escalation: e, deps, staff } = props;
  const finished = finishedEscalationStatuses.includes(e.status as EscalationStatus);
  return (
    <>
      <p>
        <a href="/admin/escalations">All escalations</a>
      </p>
      <h1>
        Escalation of {e.request.number}: {e.request.subject}
      </h1>
      <dl class="facts">
        <dt>Escalation status</dt>
        <dd id="escalation-status">{escalationStatusNames[e.status as EscalationStatus]}</dd>
        <dt>Operator reference</dt>
        <dd class="mono">{e.operatorReference ?? "None yet"}</dd>
        <dt>Request</dt>
        <dd>
          {staff.role === "operator" ? (
            e.request.number
          ) : (
            <a href={`/admin/requests/${e.request.number}`}>{e.request.number}</a>
          )}
          {` · ${e.request.organisation} · ${serviceName(deps.config.services, e.request.service)} · ${severityName(e.request.severity)}`}
        </dd>
        <dt>Submitted</dt>
        <dd>
          <Time value={new Date(e.submittedAt)} />
        </dd>
        <dt>Acknowledged</dt>
        <dd>{e.acknowledgedAt ? <Time value={new Date(e.acknowledgedAt)} /> : "Not yet"}</dd>
        <dt>Finished</dt>
        <dd>{e.finishedAt ? <Time value={new Date(e.finishedAt)} /> : "Not yet"}</dd>
      </dl>
      <h2>Operator SLA</h2>
      <dl class="facts">
        <dt>First response</dt>
        <dd>
          <SlaClock clock={e.operatorSla.firstResponse} />
        </dd>
        <dt>Resolution</dt>
        <dd>
          <SlaClock clock={e.operatorSla.resolution} />
        </dd>
      </dl>
      <h2>Packet from the partner</h2>
      <Packet packet={e.packet} deps={deps} files={e.files} escalationId={e.id} />
      {!canUpdate(staff) ? null : finished ? (
        <p>This escalation is finished; nothing more can change.</p>
      ) : (
        <UpdateForm escalation={e} values={props.values} errors={props.errors} />
      )}
    </>
  );
}

const escalationId = (c: StaffContext) => pathId(c, "id", "There is no such escalation.");

async function render(
  c: StaffContext,
  deps: AppDeps,
  id: number,
  form: { values?: FormValues; errors?: FormErrors; status?: number } = {},
) {
  const view = await escalationDetail(deps, await findEscalation(deps, id));
  c.status((form.status ?? 200) as 200);
  return c.render(
    <EscalationPage
      escalation={view}
      deps={deps}
      staff={c.var.staff}
      values={form.values ?? {}}
      errors={form.errors ?? {}}
    />,
    { title: `Escalation of ${view.request.number}` },
  );
}

export const showEscalation = (deps: AppDeps) => (c: StaffContext) =>
  render(c, deps, escalationId(c));

/**
 * The operator's update. A stale or impossible move re-renders the latest
 * escalation (so the form offers what is possible now) with the input kept.
 */
export function submitEscalationUpdate(deps: AppDeps) {
  return async (c: StaffContext) => {
    const id = escalationId(c);
    const values = await readForm(c);
    const kept = keptValues(values, "version");
    const parsed = parseForm(updateFormSchema, values);
    if (!parsed.ok)
      return render(c, deps, id, { values: kept, errors: parsed.errors, status: 422 });
    const found = await findEscalation(deps, id);
    try {
      await updateAsOperator(deps, c.var.actor, found, parsed.data);
    } catch (error) {
      const errors = errorsFromProblem(error);
      const status = error instanceof Problem ? error.status : 409;
      return render(c, deps, id, { values: kept, errors, status });
    }
    return c.redirect(`/admin/escalations/${id}?notice=escalation-updated`, 303);
  };
}
