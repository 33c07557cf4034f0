import type { IncidentView } from "@frontline/core";
import { splitTags } from "@frontline/core";
import { listActiveIncidents } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { Submit } from "../../platform/console/form-layout.tsx";
import { type FormErrors, parseForm, parseFormBody } from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { CsrfInput, ErrorSummary, Field, SelectField } from "../../platform/console/ui.tsx";
import { serviceName, statusName, statusOptions } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { assignableStaff } from "../desk/desk.use-cases.ts";
import { bulkBody } from "./bulk.routes.ts";
import { applyBulkAction } from "./bulk-actions.ts";

/** The form's id: the queue's row checkboxes join it with form="bulk-form". */
export const BULK_FORM = "bulk-form";

const actionOptions = [
  { value: "close", label: "Close" },
  { value: "assign", label: "Assign to" },
  { value: "status", label: "Change the status to" },
  { value: "incident", label: "Link to incident" },
  { value: "tags", label: "Add tags" },
];

/** Below the queue: what to do with the ticked requests. */
export function BulkForm(props: {
  deps: AppDeps;
  assignees: readonly { id: number; name: string }[];
  incidents: readonly IncidentView[];
}) {
  return (
    <form
      id={BULK_FORM}
      method="post"
      action="/admin/queue/bulk"
      class="stack"
      novalidate
      aria-labelledby="bulk-title"
    >
      <h2 id="bulk-title">Change the ticked requests</h2>
      <CsrfInput />
      <SelectField label="Action" name="action" id="bulk-action" options={actionOptions} />
      <SelectField
        label="Assignee (for Assign to)"
        name="assigneeId"
        id="bulk-assigneeId"
        options={[
          { value: "me", label: "Me" },
          { value: "", label: "Nobody" },
          ...props.assignees.map((a) => ({ value: String(a.id), label: a.name })),
        ]}
      />
      <SelectField
        label="Status (for Change the status)"
        name="status"
        id="bulk-status"
        options={statusOptions}
      />
      <SelectField
        label="Incident (for Link to incident)"
        name="incidentId"
        id="bulk-incidentId"
        options={[
          { value: "", label: "No incident" },
          ...props.incidents.map((i) => ({
            value: String(i.id),
            label: `#${i.id}: ${serviceName(props.deps.config.services, i.service)}, ${i.impact}`,
          })),
        ]}
      />
      <Field label="Tags (for Add tags)" name="tags" id="bulk-tags" spellcheck={false} />
      <Submit>Apply to the ticked requests</Submit>
    </form>
  );
}

/** The ticked requests and the chosen action as the API's body. */
function bodyOf(form: Record<string, unknown>) {
  const text = (name: string) => {
    const value = form[name];
    return typeof value === "string" ? value : "";
  };
  const ticked = form.numbers;
  const numbers = (Array.isArray(ticked) ? ticked : ticked ? [ticked] : []).filter(
    (n): n is string => typeof n === "string",
  );
  const id = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : null);
  const chosen = text("action");
  const action =
    chosen === "assign"
      ? { type: chosen, assigneeId: text("assigneeId") === "me" ? "me" : id(text("assigneeId")) }
      : chosen === "status"
        ? { type: chosen, status: text("status") }
        : chosen === "incident"
          ? { type: chosen, incidentId: id(text("incidentId")) }
          : chosen === "tags"
            ? { type: chosen, add: splitTags(text("tags")), remove: [] }
            : { type: chosen };
  return { numbers, action };
}

function Results(props: { outcome: Awaited<ReturnType<typeof applyBulkAction>> }) {
  const { outcome } = props;
  return (
    <>
      <p role="status">
        {outcome.changed} changed, {outcome.refused} left as they were.
      </p>
      <CardTable caption="What happened to each request" columns={["Request", "Result"]}>
        {outcome.results.map((r) => (
          <tr data-bulk-result={r.ok ? "changed" : "refused"}>
            <td data-label="Request" class="mono">
              <a href={`/admin/requests/${r.number}`}>{r.number}</a>
            </td>
            <td data-label="Result">
              {r.ok && r.status
                ? `Done: now ${statusName(r.status)}.`
                : `Not changed: ${r.problem?.detail ?? r.problem?.title ?? ""}`}
            </td>
          </tr>
        ))}
      </CardTable>
    </>
  );
}

/** POST /admin/queue/bulk: each ticked request changed or refused, listed one by one. */
export function submitBulk(deps: AppDeps) {
  return async (c: StaffContext) => {
    const body = bodyOf(await parseFormBody(c, { all: true }));
    const parsed = parseForm(bulkBody, body);
    let content: unknown;
    if (!parsed.ok) {
      const errors: FormErrors = parsed.errors.numbers
        ? { _form: "Tick at least one request in the queue, at most 100." }
        : { _form: Object.values(parsed.errors)[0] ?? "Choose an action." };
      c.status(422);
      content = <ErrorSummary errors={errors} />;
    } else {
      const outcome = await applyBulkAction(
        deps,
        c.var.actor,
        parsed.data.numbers,
        parsed.data.action,
      );
      content = <Results outcome={outcome} />;
    }
    return c.render(
      <>
        <p>
          <a href="/admin/queue">Back to the queue</a>
        </p>
        <h1>Bulk change</h1>
        {content}
      </>,
      { title: "Bulk change" },
    );
  };
}

/** Who may be assigned and which incidents may be linked, for the form under the queue. */
export async function bulkChoices(deps: AppDeps) {
  const assignees = await assignableStaff(deps);
  return { assignees, incidents: await listActiveIncidents(deps.db) };
}
