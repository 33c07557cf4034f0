import { type EscalationStatus, escalationStatuses } from "@frontline/core";
import type { StaffContext } from "../../platform/app-env.ts";
import { FilterForm, Submit } from "../../platform/console/form-layout.tsx";
import type { FormErrors } from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, SelectField, Time } from "../../platform/console/ui.tsx";
import { escalationStatusNames, serviceName, severityName } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { listForStaff } from "./escalations.use-cases.ts";
import { SlaClock } from "./sla-clock.tsx";

type Item = Awaited<ReturnType<typeof listForStaff>>["items"][number];

const statusOptions = [
  { value: "", label: "Any status" },
  ...escalationStatuses.map((s) => ({ value: s, label: escalationStatusNames[s] })),
];

const columns = [
  "Request",
  "Subject",
  "Organisation",
  "Service",
  "Severity",
  "Status",
  "Operator reference",
  "Submitted",
  "First response",
  "Resolution",
];

function EscalationsTable({ items, deps }: { items: Item[]; deps: AppDeps }) {
  if (items.length === 0) return <p>No escalations match.</p>;
  return (
    <CardTable id="escalations" caption="Escalations, newest first" columns={columns}>
      {items.map((e) => (
        <tr>
          <td data-label="Request">
            <a href={`/admin/escalations/${e.id}`}>
              {e.request.number}
              <span class="visually-hidden"> escalation</span>
            </a>
          </td>
          <td data-label="Subject">{e.request.subject}</td>
          <td data-label="Organisation">{e.request.organisation}</td>
          <td data-label="Service">{serviceName(deps.config.services, e.request.service)}</td>
          <td data-label="Severity">{severityName(e.request.severity)}</td>
          <td data-label="Status">{escalationStatusNames[e.status as EscalationStatus]}</td>
          <td data-label="Operator reference" class="mono">
            {e.operatorReference ?? "—"}
          </td>
          <td data-label="Submitted">
            <Time value={new Date(e.submittedAt)} />
          </td>
          <td data-label="First response">
            <SlaClock clock={e.operatorSla.firstResponse} />
          </td>
          <td data-label="Resolution">
            <SlaClock clock={e.operatorSla.resolution} />
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

/** The filter is a GET form, so a filtered list is a link people can share. */
export function showEscalations(deps: AppDeps) {
  return async (c: StaffContext) => {
    const status = c.req.query("status") ?? "";
    const errors: FormErrors = {};
    const known = (escalationStatuses as readonly string[]).includes(status);
    if (status && !known) errors.status = "Choose a status from the list.";
    const { items } = await listForStaff(deps, known ? (status as EscalationStatus) : undefined);
    if (errors.status) c.status(422);
    return c.render(
      <>
        <h1>Escalations</h1>
        <p>
          Requests handed to the operator, newest first, with the operator's own response and
          resolution clocks.
        </p>
        <ErrorSummary errors={errors} labels={{ status: "Status" }} />
        <FilterForm action="/admin/escalations" label="Filter escalations">
          <SelectField
            label="Status"
            name="status"
            value={known ? status : ""}
            options={statusOptions}
            error={errors.status}
          />
          <Submit>Filter</Submit>
        </FilterForm>
        <EscalationsTable items={errors.status ? [] : items} deps={deps} />
      </>,
      { title: "Escalations" },
    );
  };
}
