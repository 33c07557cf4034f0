import { type EscalationStatus, escalationStatuses } from "@frontline/core";
import type { StaffContext } from "../../platform/app-env.ts";
import { FilterForm, Submit } from "../../platform/console/form-layout.tsx";
import type { FormErrors } from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, SelectField, Time } from "../../platform/console/ui.tsx";
import { escalationStatusNames, serviceName, severityName } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import type { EscalationSort } from "./escalations.routes.ts";
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

function EscalationsTable(props: { items: Item[]; deps: AppDeps; caption: string }) {
  const { items, deps } = props;
  if (items.length === 0) return <p>No escalations match.</p>;
  return (
    <CardTable id="escalations" caption={props.caption} columns={columns}>
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

const sortOptions = [
  { value: "sla", label: "Operator SLA due, soonest first" },
  { value: "submitted", label: "Newest first" },
];

/** The list's address for another page, with the same filter and sort. */
function pageHref(status: string, sort: EscalationSort, page: number) {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (sort !== "sla") params.set("sort", sort);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/escalations?${query}` : "/admin/escalations";
}

function Pages(props: { status: string; sort: EscalationSort; page: number; pages: number }) {
  const { status, sort, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of escalations" class="pages">
      {page > 1 ? (
        <a href={pageHref(status, sort, page - 1)} rel="prev">
          Previous page
        </a>
      ) : null}{" "}
      <span>
        Page {page} of {pages}
      </span>{" "}
      {page < pages ? (
        <a href={pageHref(status, sort, page + 1)} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  );
}

/** The filter is a GET form, so a filtered list is a link people can share. */
export function showEscalations(deps: AppDeps) {
  return async (c: StaffContext) => {
    const status = c.req.query("status") ?? "";
    const sort: EscalationSort = c.req.query("sort") === "submitted" ? "submitted" : "sla";
    const page = Number(c.req.query("page") ?? "1");
    const errors: FormErrors = {};
    const known = (escalationStatuses as readonly string[]).includes(status);
    if (status && !known) errors.status = "Choose a status from the list.";
    const list = await listForStaff(deps, {
      status: known ? (status as EscalationStatus) : undefined,
      sort,
      page: Number.isSafeInteger(page) ? page : 1,
    });
    if (errors.status) c.status(422);
    return c.render(
      <>
        <h1>Escalations</h1>
        <p>
          Requests handed to the operator, with the operator's own response and resolution clocks:
          {list.total} in all.
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
          <SelectField label="Sort by" name="sort" value={sort} options={sortOptions} />
          <Submit>Filter</Submit>
        </FilterForm>
        <EscalationsTable
          items={errors.status ? [] : list.items}
          deps={deps}
          caption={
            sort === "sla"
              ? "Escalations, operator SLA due soonest first"
              : "Escalations, newest first"
          }
        />
        <Pages status={known ? status : ""} sort={sort} page={list.page} pages={list.pages} />
      </>,
      { title: "Escalations" },
    );
  };
}
