import {
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  type RetentionPolicy,
  retentionPolicySchema,
} from "@frontline/core";
import type { StaffContext } from "../../platform/app-env.ts";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  type FormErrors,
  type FormValues,
  formFields,
  keptValues,
  parseForm,
  readForm,
} from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field, Notice, Time } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { dueUnder, retentionOverview, setRetentionPolicy } from "./retention.use-cases.ts";

type Overview = Awaited<ReturnType<typeof retentionOverview>>;

const labels = { closedRequestDays: "Delete closed requests after (days)" };
const date = (iso: string | null) => (iso ? new Date(iso) : null);

function Summary({ overview }: { overview: Overview }) {
  if (overview.closedRequestDays === null) {
    return <p>Every request is kept: no retention policy is set.</p>;
  }
  return (
    <>
      <p>
        A closed request is deleted for good once nothing has happened to it for{" "}
        <strong>{overview.closedRequestDays} days</strong>: its timeline, files, escalations and
        mail go with it. Requests in work are never deleted. Only the number stays, below.
      </p>
      <p>
        Due now: {overview.dueNow} closed before <Time value={date(overview.closedBefore)} />. Last
        run:{" "}
        {overview.lastRun ? (
          <>
            <Time value={date(overview.lastRun.at)} />, {overview.lastRun.deleted} deleted
          </>
        ) : (
          "not yet"
        )}{" "}
        (it runs every hour).
      </p>
    </>
  );
}

function RecentlyDeleted({ items }: { items: Overview["recentlyDeleted"] }) {
  if (items.length === 0) return <p>Nothing has been deleted.</p>;
  return (
    <CardTable caption="Recently deleted requests" columns={["Number", "Last changed", "Deleted"]}>
      {items.map((item) => (
        <tr>
          <td data-label="Number">{item.number}</td>
          <td data-label="Last changed">
            <Time value={date(item.lastChangedAt)} />
          </td>
          <td data-label="Deleted">
            <Time value={date(item.deletedAt)} />
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

/** Asks once more before a policy that deletes requests already due: deleting cannot be undone. */
function Confirmation(props: { days: number; due: number }) {
  return (
    <Notice tone="warning">
      <p>
        With {props.days} days, {props.due} closed requests are deleted within the hour, with their
        timelines and files. This cannot be undone.
      </p>
      <PostForm action="/admin/retention" label="Confirm the retention policy">
        <input type="hidden" name="closedRequestDays" value={String(props.days)} />
        <input type="hidden" name="confirmed" value={String(props.due)} />
        <Submit tone="danger">Delete {props.due} requests and save</Submit>
      </PostForm>
    </Notice>
  );
}

async function render(
  c: StaffContext,
  deps: AppDeps,
  form: { values?: FormValues; errors?: FormErrors; confirm?: { days: number; due: number } } = {},
  status = 200,
) {
  const overview = await retentionOverview(deps);
  const values = form.values ?? { closedRequestDays: String(overview.closedRequestDays ?? "") };
  const field = formFields(values, form.errors ?? {});
  c.status(status as 200);
  return c.render(
    <>
      <h1>Retention</h1>
      <Summary overview={overview} />
      {form.confirm ? <Confirmation {...form.confirm} /> : null}
      <h2 id="retention-form-title">Retention policy</h2>
      <ErrorSummary errors={form.errors ?? {}} labels={labels} />
      <PostForm action="/admin/retention" labelledBy="retention-form-title">
        <Field
          label={labels.closedRequestDays}
          {...field("closedRequestDays")}
          type="number"
          hint={`From ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}, counted from the request's last change. Leave it empty to keep every request.`}
        />
        <Submit>Save retention policy</Submit>
      </PostForm>
      <h2>Deleted requests</h2>
      <RecentlyDeleted items={overview.recentlyDeleted} />
    </>,
    { title: "Retention" },
  );
}

export const showRetention = (deps: AppDeps) => (c: StaffContext) => render(c, deps);

/** The form's days, as the schema takes them; not a whole number stays text for the error. */
function policyOf(values: FormValues): { closedRequestDays: unknown } {
  const days = (values.closedRequestDays ?? "").trim();
  if (days === "") return { closedRequestDays: null };
  return { closedRequestDays: /^\d+$/.test(days) ? Number(days) : days };
}

export function submitRetention(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = keptValues(await readForm(c));
    const parsed = parseForm(retentionPolicySchema, policyOf(values));
    if (!parsed.ok) return render(c, deps, { values, errors: parsed.errors }, 422);
    const policy: RetentionPolicy = parsed.data;
    const due = await dueUnder(deps, policy);
    // Confirmed for the count shown; more due since then asks again.
    if (policy.closedRequestDays !== null && due > 0 && values.confirmed !== String(due)) {
      return render(c, deps, { values, confirm: { days: policy.closedRequestDays, due } });
    }
    await setRetentionPolicy(deps, c.var.actor, policy);
    return c.redirect("/admin/retention?notice=retention-saved", 303);
  };
}
