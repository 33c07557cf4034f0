import { type IncidentView, incidentMessage } from "@frontline/core";
import { listIncidents } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  keptValues,
  type Parsed,
  pathId,
  readForm,
} from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Notice, Time } from "../../platform/console/ui.tsx";
import { impactNames, serviceName } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { changeIncident } from "./change-incident.ts";
import { closeIncident } from "./close-incident.ts";
import {
  CreateIncidentForm,
  type FormState,
  fieldIdIn,
  fieldLabels,
  incidentStatusNames,
  ResolveIncidentForm,
  UpdateIncidentForm,
} from "./incident-forms.tsx";
import { parseIncidentChange, parseNewIncident, parseResolution } from "./incident-input.ts";
import { postIncident } from "./post-incident.ts";

interface Resolution {
  readonly id: number;
  readonly resolvedRequests: readonly string[];
  readonly leftForPartner: readonly string[];
}

interface PageState {
  readonly incidents: IncidentView[];
  readonly canChange: boolean;
  /** "create", "update-<id>" or "resolve-<id>": the form whose input and errors are shown. */
  readonly form?: string;
  readonly state?: FormState;
  readonly resolution?: Resolution;
}

const empty: FormState = { values: {}, errors: {} };

function RequestList({ numbers, none }: { numbers: readonly string[]; none: string }) {
  if (numbers.length === 0) return <p>{none}</p>;
  return (
    <ul>
      {numbers.map((n) => (
        <li class="mono">{n}</li>
      ))}
    </ul>
  );
}

function ResolutionReport({ resolution }: { resolution: Resolution }) {
  return (
    <section aria-labelledby="resolution-title" id="incident-resolution">
      <Notice>Incident {resolution.id} is resolved.</Notice>
      <h2 id="resolution-title">Linked requests</h2>
      <h3>Resolved with the closing message</h3>
      <RequestList numbers={resolution.resolvedRequests} none="None." />
      <h3>Left for the partner</h3>
      <RequestList
        numbers={resolution.leftForPartner}
        none="None: nothing is left for the partner."
      />
    </section>
  );
}

function IncidentRow(props: { incident: IncidentView; services: AppDeps["config"]["services"] }) {
  const { incident } = props;
  return (
    <tr>
      <th scope="row" data-label="Service">
        {serviceName(props.services, incident.service)}
      </th>
      <td data-label="Impact">{incident.resolvedAt ? "—" : impactNames[incident.impact]}</td>
      <td data-label="Status">{incidentStatusNames[incident.status] ?? incident.status}</td>
      <td data-label="Message">{incidentMessage(incident, "en")}</td>
      <td data-label="Started">
        <Time value={incident.startedAt} />
      </td>
      <td data-label="Resolved">
        {incident.resolvedAt ? <Time value={incident.resolvedAt} /> : "Not yet"}
      </td>
    </tr>
  );
}

const columns = ["Service", "Impact", "Status", "Message (English)", "Started", "Resolved"];

function IncidentTable(props: {
  incidents: IncidentView[];
  caption: string;
  services: AppDeps["config"]["services"];
}) {
  return (
    <CardTable caption={props.caption} columns={columns}>
      {props.incidents.map((incident) => (
        <IncidentRow incident={incident} services={props.services} />
      ))}
    </CardTable>
  );
}

function IncidentsPage(props: PageState & { deps: AppDeps }) {
  const { deps, form } = props;
  const services = deps.config.services;
  const active = props.incidents.filter((i) => !i.resolvedAt);
  const resolved = props.incidents.filter((i) => i.resolvedAt);
  const errors: FormErrors = props.state?.errors ?? {};
  const stateOf = (name: string) => (form === name && props.state ? props.state : empty);
  const ids = Object.fromEntries(Object.keys(errors).map((k) => [k, fieldIdIn(form ?? "", k)]));
  return (
    <>
      <h1>Incidents</h1>
      <p>Outages and degradations, as the help center's banner and status page show them.</p>
      {props.resolution ? <ResolutionReport resolution={props.resolution} /> : null}
      <ErrorSummary errors={errors} labels={fieldLabels} ids={ids} />
      <h2>Active incidents</h2>
      {active.length ? (
        <IncidentTable incidents={active} caption="Active incidents" services={services} />
      ) : (
        <p>No active incidents: every service is operational.</p>
      )}
      {props.canChange
        ? active.map((incident) => (
            <section aria-labelledby={`incident-${incident.id}-title`}>
              <h3 id={`incident-${incident.id}-title`}>
                Incident {incident.id}: {serviceName(services, incident.service)}
              </h3>
              <h4>Update</h4>
              <UpdateIncidentForm incident={incident} state={stateOf(`update-${incident.id}`)} />
              <h4>Resolve</h4>
              <ResolveIncidentForm incident={incident} state={stateOf(`resolve-${incident.id}`)} />
            </section>
          ))
        : null}
      {props.canChange ? (
        <CreateIncidentForm services={services} state={stateOf("create")} now={deps.clock.now()} />
      ) : null}
      <h2>Resolved incidents</h2>
      {resolved.length ? (
        <IncidentTable incidents={resolved} caption="Resolved incidents" services={services} />
      ) : (
        <p>None yet.</p>
      )}
    </>
  );
}

async function render(
  c: StaffContext,
  deps: AppDeps,
  extra: Partial<PageState> = {},
  status = 200,
) {
  const role = c.var.staff.role;
  c.status(status as 200);
  return c.render(
    <IncidentsPage
      deps={deps}
      incidents={await listIncidents(deps.db)}
      canChange={role === "admin" || role === "operator"}
      {...extra}
    />,
    { title: "Incidents" },
  );
}

const incidentId = (c: StaffContext) => pathId(c, "id", "There is no such incident.");

/** A failed form re-renders the page with its input kept and errors next to its fields. */
function again(
  c: StaffContext,
  deps: AppDeps,
  form: string,
  values: FormValues,
  errors: FormErrors,
  status: number,
) {
  return render(c, deps, { form, state: { values: keptValues(values), errors } }, status);
}

/** A refused change: its problem's fields next to them; a missing incident stays a 404 page. */
function refuse(c: StaffContext, deps: AppDeps, form: string, values: FormValues, error: unknown) {
  if (error instanceof Problem && error.status === 404) throw error;
  const status = error instanceof Problem ? error.status : 422;
  return again(c, deps, form, values, errorsFromProblem(error), status);
}

export const showIncidents = (deps: AppDeps) => (c: StaffContext) => render(c, deps);

export function submitNewIncident(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = await readForm(c);
    const parsed = parseNewIncident(values, deps.config.services);
    if (!parsed.ok) return again(c, deps, "create", values, parsed.errors, 422);
    await postIncident(deps, parsed.data, c.var.actor);
    return c.redirect("/admin/incidents?notice=incident-posted", 303);
  };
}

/**
 * A form that changes one incident ("update" or "resolve"): parsed, then
 * `change` runs; invalid input or a refused change shows the page again
 * with the input kept.
 */
async function incidentForm<T>(
  c: StaffContext,
  deps: AppDeps,
  kind: "update" | "resolve",
  parse: (values: FormValues) => Parsed<T>,
  change: (id: number, data: T) => Promise<Response>,
) {
  const id = incidentId(c);
  const values = await readForm(c);
  const form = `${kind}-${id}`;
  const parsed = parse(values);
  if (!parsed.ok) return again(c, deps, form, values, parsed.errors, 422);
  try {
    return await change(id, parsed.data);
  } catch (error) {
    return refuse(c, deps, form, values, error);
  }
}

export const submitIncidentChange = (deps: AppDeps) => (c: StaffContext) =>
  incidentForm(c, deps, "update", parseIncidentChange, async (id, change) => {
    await changeIncident(deps, id, change, c.var.actor);
    return c.redirect("/admin/incidents?notice=incident-updated", 303);
  });

/** Rendered, not redirected: which requests were resolved exists only in this answer. */
export const submitIncidentResolution = (deps: AppDeps) => (c: StaffContext) =>
  incidentForm(c, deps, "resolve", parseResolution, async (id, resolution) => {
    const result = await closeIncident(deps, id, resolution, c.var.actor);
    return render(c, deps, {
      resolution: {
        id,
        resolvedRequests: result.resolvedRequests,
        leftForPartner: result.leftForPartner,
      },
    });
  });
