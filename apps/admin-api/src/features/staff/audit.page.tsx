import { type AuditRow, listAuditActions } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { type FormErrors, parseForm } from "../../platform/console/forms.ts";
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

function AuditPage(props: {
  rows: AuditRow[];
  actions: string[];
  values: Record<string, string>;
  errors: FormErrors;
  olderHref: string | null;
}) {
  const { values, errors } = props;
  return (
    <>
      <h1>Audit log</h1>
      <p>Sign-ins, failed sign-ins, user, role, password and token changes, newest first.</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="get" action="/admin/audit" class="filters" aria-label="Filter the audit log">
        <SelectField
          label="Action"
          name="action"
          value={values.action ?? ""}
          options={[
            { value: "", label: "Any action" },
            ...props.actions.map((a) => ({ value: a, label: a })),
          ]}
          error={errors.action}
        />
        <Field
          label="Actor"
          name="actor"
          type="search"
          hint="Email, cli or system"
          value={values.actor}
          error={errors.actor}
        />
        <Field
          label="From"
          name="from"
          type="date"
          hint="UTC day"
          value={values.from}
          error={errors.from}
        />
        <Field
          label="To"
          name="to"
          type="date"
          hint="UTC day, included"
          value={values.to}
          error={errors.to}
        />
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      {props.rows.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <caption class="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Client address</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
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
