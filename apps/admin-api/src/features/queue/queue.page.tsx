import { openWork, type Status, statuses } from "@frontline/core";
import { tagsInUse } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { FilterForm } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  formFields,
  parseForm,
} from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field, SelectField, Time } from "../../platform/console/ui.tsx";
import {
  anyOption,
  categoryOptions,
  serviceName,
  serviceOptions,
  severityName,
  severityOptions,
  slaWord,
  statusName,
} from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { BULK_FORM, BulkForm, bulkChoices } from "../bulk/bulk.page.tsx";
import { SavedViews } from "../saved-views/saved-views.page.tsx";
import { viewsFor } from "../saved-views/saved-views.use-cases.ts";
import { first, listOf, queueHref, type RawQuery, rawQueueQuery } from "./queue.query.ts";
import { queueQuerySchema } from "./queue.routes.ts";
import { queuePage } from "./queue.use-cases.ts";

type QueueResult = Awaited<ReturnType<typeof queuePage>>;
type QueueRow = QueueResult["items"][number];

// The choices of the filters that are not lists from core.
const assigneeOptions = [
  { value: "", label: "Anyone" },
  { value: "me", label: "Me" },
  { value: "none", label: "Nobody (unassigned)" },
];
const satisfactionOptions = [
  ...anyOption(),
  { value: "good", label: "Rated good" },
  { value: "bad", label: "Rated bad" },
  { value: "unrated", label: "Not rated" },
];
const slaOptions = [
  ...anyOption(),
  { value: "breached", label: "Breached" },
  { value: "at-risk", label: "At risk" },
];
const sortOptions = [
  { value: "sla", label: "SLA due, soonest first" },
  { value: "created", label: "Newest first" },
  { value: "updated", label: "Recently updated first" },
];

/** One checkbox per status; any number may be chosen. */
function StatusChoices({ raw }: { raw: RawQuery }) {
  const chosen = new Set(listOf(raw, "status"));
  return (
    <fieldset class="checkboxes">
      <legend>Status</legend>
      {statuses.map((status) => (
        <label>
          <input type="checkbox" name="status" value={status} checked={chosen.has(status)} />{" "}
          {statusName(status)}
        </label>
      ))}
    </fieldset>
  );
}

function Filters(props: {
  deps: AppDeps;
  raw: RawQuery;
  errors: FormErrors;
  tags: readonly { tag: string; requests: number }[];
}) {
  const { deps, raw, errors } = props;
  const field = formFields(
    Object.fromEntries(Object.keys(raw).map((k) => [k, first(raw, k)])),
    errors,
  );
  return (
    <FilterForm action="/admin/queue" id="queue-filters" label="Filter the queue">
      <StatusChoices raw={raw} />
      <SelectField
        label="Severity"
        {...field("severity")}
        options={[...anyOption(), ...severityOptions]}
      />
      <SelectField
        label="Category"
        {...field("category")}
        options={[...anyOption(), ...categoryOptions]}
      />
      <SelectField
        label="Service"
        {...field("service")}
        options={[...anyOption(), ...serviceOptions(deps.config.services)]}
      />
      <SelectField label="Assignee" {...field("assignee")} options={assigneeOptions} />
      <SelectField label="SLA" {...field("sla")} options={slaOptions} />
      <SelectField
        label="Customer rating"
        {...field("satisfaction")}
        options={satisfactionOptions}
      />
      <Field label="Incident number" {...field("incident")} maxlength={16} />
      <SelectField
        label="Tag"
        {...field("tag")}
        options={[
          ...anyOption(),
          ...props.tags.map((t) => ({ value: t.tag, label: `${t.tag} (${t.requests})` })),
        ]}
      />
      <Field
        label="Search"
        {...field("q")}
        type="search"
        hint="Words or a reference number"
        maxlength={200}
      />
      <SelectField label="Sort by" {...field("sort")} options={sortOptions} />
      <div class="field checkbox">
        <label>
          <input
            type="checkbox"
            name="customer"
            value="unknown"
            checked={first(raw, "customer") === "unknown"}
          />{" "}
          Only unknown organisations
        </label>
      </div>
      <div class="filter-actions">
        <button type="submit">Apply filters</button> <a href="/admin/queue">Clear filters</a>
      </div>
    </FilterForm>
  );
}

function SlaCell({ sla }: { sla: QueueRow["sla"] }) {
  const flagged = sla.state !== "running";
  return (
    <>
      {sla.dueAt ? <Time value={new Date(sla.dueAt)} /> : "—"}
      {flagged ? (
        <>
          {" "}
          <span class={`badge badge-${sla.state}`} data-sla={sla.state}>
            {slaWord(sla.state)}
          </span>
        </>
      ) : null}
    </>
  );
}

const columns = [
  "Select",
  "Number",
  "Subject",
  "Organisation",
  "Service",
  "Severity",
  "Status",
  "Assignee",
  "SLA due",
];

function QueueTable({ deps, items }: { deps: AppDeps; items: QueueRow[] }) {
  if (items.length === 0) return <p data-queue-empty>No requests match these filters.</p>;
  return (
    <CardTable id="queue" caption="Requests" columns={columns}>
      {items.map((item) => (
        <tr data-request={item.number}>
          <td data-label="Select">
            <input
              type="checkbox"
              name="numbers"
              value={item.number}
              form={BULK_FORM}
              aria-label={`Select ${item.number}`}
            />
          </td>
          <td data-label="Number" class="mono">
            <a href={`/admin/requests/${item.number}`}>{item.number}</a>
          </td>
          <td data-label="Subject">
            {item.subject}
            {item.tags.map((tag) => (
              <>
                {" "}
                <span class="badge" data-tag={tag}>
                  {tag}
                </span>
              </>
            ))}
          </td>
          <td data-label="Organisation">
            {item.customer?.organisation ?? item.organisation}
            {item.unknownOrganisation ? (
              <>
                {" "}
                <span class="badge" data-unknown-organisation>
                  Unknown organisation
                </span>
              </>
            ) : null}
          </td>
          <td data-label="Service">{serviceName(deps.config.services, item.service)}</td>
          <td data-label="Severity">{severityName(item.severity)}</td>
          <td data-label="Status">{statusName(item.status)}</td>
          <td data-label="Assignee">{item.assignee?.name ?? "Nobody"}</td>
          <td data-label="SLA due">
            <SlaCell sla={item.sla} />
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

function Counts({ counts }: { counts: Record<Status, number> }) {
  return (
    <ul class="status-counts" aria-label="Requests per status for these filters">
      {statuses.map((status) => (
        <li data-count={status}>
          {statusName(status)}: <strong>{counts[status]}</strong>
        </li>
      ))}
    </ul>
  );
}

const filterLabels = {
  status: "Status",
  severity: "Severity",
  category: "Category",
  service: "Service",
  assignee: "Assignee",
  sla: "SLA",
  satisfaction: "Customer rating",
  incident: "Incident number",
  tag: "Tag",
  q: "Search",
  sort: "Sort by",
  cursor: "Page",
};

export function showQueue(deps: AppDeps) {
  return async (c: StaffContext) => {
    const staff = c.var.staff;
    // Opened without filters, the queue shows the open work; any filtering shows what it asks.
    const asked = rawQueueQuery(c);
    const raw: RawQuery = Object.keys(asked).length ? asked : { status: [...openWork] };
    let errors: FormErrors = {};
    let result: QueueResult | null = null;
    const parsed = parseForm(queueQuerySchema, raw);
    if (!parsed.ok) errors = parsed.errors;
    else {
      try {
        result = await queuePage(deps, parsed.data, staff);
      } catch (error) {
        errors = errorsFromProblem(error);
      }
    }
    if (!result) c.status(422);
    return c.render(
      <>
        <h1>Queue</h1>
        <ErrorSummary errors={errors} labels={filterLabels} />
        <SavedViews views={await viewsFor(deps, staff)} raw={raw} admin={staff.role === "admin"} />
        <h2 class="visually-hidden">Filters</h2>
        <Filters deps={deps} raw={raw} errors={errors} tags={await tagsInUse(deps.db)} />
        {result ? (
          <>
            <h2>Requests per status</h2>
            <Counts counts={result.counts} />
            <QueueTable deps={deps} items={result.items} />
            {result.items.length ? <BulkForm deps={deps} {...(await bulkChoices(deps))} /> : null}
            {result.nextCursor ? (
              <p>
                <a href={queueHref(raw, result.nextCursor)} rel="next" data-next-page>
                  Next page
                </a>
              </p>
            ) : null}
            {raw.cursor ? (
              <p>
                <a href={queueHref(raw)}>Back to the first page</a>
              </p>
            ) : null}
          </>
        ) : null}
      </>,
      { title: "Queue" },
    );
  };
}
