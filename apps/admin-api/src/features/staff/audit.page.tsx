import { type AuditRow, listAuditActions } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { FilterForm, Submit } from "../../platform/console/form-layout.tsx";
import { type FormErrors, formFields, parseForm } from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field, SelectField, Time } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { auditPage, auditQuerySchema } from "./audit-query.ts";

const filterNames = ["action", "actor", "from", "to"] as const;
const labels = { action: "Action", actor: "Actor", from: "From", to: "To" };

function Detail({ detail }: { detail: Record<string, unknown> | null }) {
  if (!detail || Object.keys(detail).length === 0) return <span>—</span>;
  return (
    <span class="mono">
      {Object.entries(detail)
        .map(
          ([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
        )
        .join("; ")}
    </span>
  );
}

const columns = ["When", "Actor", "Action", "Target", "Client address", "Details"];

function AuditPage(props: {
  rows: AuditRow[];
  actions: string[];
  values: Record<string, string>;
  errors: FormErrors;
  olderHref: string | null;
}) {
  const { values, errors } = props;
  const field = formFields(values, errors);
  return (
    <>
      <h1>Audit log</h1>
      <p>Sign-ins, failed sign-ins, user, role, password and token changes, newest first.</p>
      <ErrorSummary errors={errors} labels={labels} />
      <FilterForm action="/admin/audit" label="Filter the audit log">
        <SelectField
          label="Action"
          {...field("action")}
          value={values.action ?? ""}
          options={[
            { value: "", label: "Any action" },
            ...props.actions.map((a) => ({ value: a, label: a })),
          ]}
        />
        <Field label="Actor" {...field("actor")} type="search" hint="Email, cli or system" />
        <Field label="From" {...field("from")} type="date" hint="UTC day" />
        <Field label="To" {...field("to")} type="date" hint="UTC day, included" />
        <Submit>Filter</Submit>
      </FilterForm>
      {props.rows.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <CardTable caption="Audit entries, newest first" hiddenCaption columns={columns}>
          {props.rows.map((row) => (
            <tr>
              <td data-label="When">
                <Time value={row.at} />
              </td>
              <td data-label="Actor" class="mono">
                {row.actorLabel}
              </td>
              <td data-label="Action">{row.action}</td>
              <td data-label="Target" class="mono">
                {row.target ?? "—"}
              </td>
              <td data-label="Client address" class="mono">
                {row.clientAddress ?? "—"}
              </td>
              <td data-label="Details">
                <Detail detail={row.detail} />
              </td>
            </tr>
          ))}
        </CardTable>
      )}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>Older entries</a>
        </p>
      ) : null}
    </>
  );
}

/** The filters are a GET form, so a filtered view is a link people can share. */
export function showAudit(deps: AppDeps) {
  return async (c: StaffContext) => {
    const query = c.req.query();
    const values: Record<string, string> = {};
    for (const name of filterNames) values[name] = query[name] ?? "";
    const actions = await listAuditActions(deps.db);
    const parsed = parseForm(auditQuerySchema, { ...values, cursor: query.cursor });
    let rows: AuditRow[] = [];
    let errors: FormErrors = {};
    let olderHref: string | null = null;
    if (parsed.ok) {
      const page = await auditPage(deps, parsed.data);
      if (page.ok) {
        rows = page.rows;
        if (page.nextCursor) {
          const params = new URLSearchParams({ ...values, cursor: page.nextCursor });
          olderHref = `/admin/audit?${params}`;
        }
      } else errors = { _form: page.message };
    } else errors = parsed.errors;
    if (Object.keys(errors).length) c.status(422);
    return c.render(
      <AuditPage
        rows={rows}
        actions={actions}
        values={values}
        errors={errors}
        olderHref={olderHref}
      />,
      { title: "Audit log" },
    );
  };
}
