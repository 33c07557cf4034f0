import { splitTags } from "@frontline/core";
import { escalationsOfRequest, listActiveIncidents, type RequestRow } from "@frontline/db";
import type { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import type { StaffContext } from "../../platform/app-env.ts";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  keptValues,
  parseForm,
  readForm,
  readFormFiles,
} from "../../platform/console/forms.ts";
import { ErrorSummary } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { uploadFormFiles } from "../attachments/upload-file.ts";
import { cannedRepliesFor } from "../canned-replies/canned-replies.use-cases.ts";
import { escalationView } from "../escalations/escalations.use-cases.ts";
import { addNote } from "./add-note.ts";
import { assignTo } from "./assign-request.ts";
import { classify } from "./classify-request.ts";
import {
  assignmentBody,
  classificationBody,
  incidentBody,
  mergeBody,
  noteBody,
  replyBody,
  resolutionBody,
  statusBody,
  tagsBody,
} from "./desk.routes.ts";
import { assignableStaff, deskView, requestForDesk } from "./desk.use-cases.ts";
import { linkToIncident } from "./link-to-incident.ts";
import { mergeInto } from "./merge-into.ts";
import { moveStatus } from "./move-status.ts";
import { replyToCustomer } from "./reply-to-customer.ts";
import { Actions, actionFieldId, type DeskAction, type FailedAction } from "./request.forms.tsx";
import { Customer, HelpCenterTrail, Incidents, Sla, Summary, Timeline } from "./request.view.tsx";
import { resolveRequest } from "./resolve-request.ts";
import { tagRequest } from "./tag-request.ts";

async function render(
  c: StaffContext,
  deps: AppDeps,
  row: RequestRow,
  failed?: FailedAction,
  status = 200,
) {
  const staff = c.var.staff;
  const view = await deskView(deps, row, staff);
  const [latest] = await escalationsOfRequest(deps.db, row.id);
  const escalation = latest ? escalationView(deps, latest, row) : null;
  const assignees = await assignableStaff(deps);
  const incidents = await listActiveIncidents(deps.db);
  const canned = await cannedRepliesFor(deps, c.var.actor, row);
  const chosenId = Number(c.req.query("canned"));
  const chosenCanned = failed ? undefined : canned.find((r) => r.id === chosenId);
  const ids = Object.fromEntries(
    Object.keys(failed?.errors ?? {}).map((f) => [f, actionFieldId(failed?.action ?? "note", f)]),
  );
  c.status(status as 200);
  return c.render(
    <>
      <p>
        <a href="/admin/queue">Back to the queue</a>
      </p>
      <h1>
        <span class="mono">{view.number}</span>: {view.subject}
      </h1>
      <ErrorSummary errors={failed?.errors ?? {}} ids={ids} />
      <div class="request-layout">
        <div>
          <Summary deps={deps} view={view} />
          <Customer deps={deps} view={view} />
          <Sla view={view} escalation={escalation} />
          <HelpCenterTrail view={view} />
          <Incidents view={view} />
          <Timeline view={view} />
        </div>
        <Actions
          deps={deps}
          view={view}
          meId={staff.id}
          assignees={assignees}
          incidents={incidents}
          failed={failed}
          canned={canned}
          chosenCanned={chosenCanned}
        />
      </div>
    </>,
    { title: `${view.number}: ${view.subject}` },
  );
}

export function showRequest(deps: AppDeps) {
  return async (c: StaffContext) =>
    render(c, deps, await requestForDesk(deps, c.req.param("number") ?? ""));
}

const idOrNull = (value: string | undefined) =>
  !value ? null : /^\d{1,15}$/.test(value) ? Number(value) : value;
const versionOf = (values: FormValues) => Number(values.version);

/** Each action: the API's schema, the form turned into its body, the change, the confirmation. */
interface ActionSpec {
  readonly schema: z.ZodType;
  body(values: FormValues): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: each spec's run gets its own schema's output
  run(deps: AppDeps, actor: Actor, row: RequestRow, input: any): Promise<RequestRow>;
  readonly notice: string;
  /** The form may carry files (field "files"), sent as the body's attachments. */
  readonly files?: true;
  /** The one field the form has for the body's several (tags: add.0, remove.1 …). */
  readonly errorsAt?: string;
}

const specs: Record<DeskAction, ActionSpec> = {
  claim: {
    schema: assignmentBody,
    body: (v) => ({ version: versionOf(v), assigneeId: "me" }),
    run: assignTo,
    notice: "request-assigned",
  },
  assign: {
    schema: assignmentBody,
    body: (v) => ({ version: versionOf(v), assigneeId: idOrNull(v.assigneeId) }),
    run: assignTo,
    notice: "request-assigned",
  },
  classify: {
    schema: classificationBody,
    body: (v) => ({
      version: versionOf(v),
      ...(v.severity ? { severity: v.severity } : {}),
      ...(v.category ? { category: v.category } : {}),
    }),
    run: classify,
    notice: "request-classified",
  },
  reply: {
    schema: replyBody,
    body: (v) => ({
      version: versionOf(v),
      body: v.body ?? "",
      ...(v.status ? { status: v.status } : {}),
    }),
    run: replyToCustomer,
    notice: "reply-sent",
    files: true,
  },
  note: {
    schema: noteBody,
    body: (v) => ({ version: versionOf(v), body: v.body ?? "" }),
    run: addNote,
    notice: "note-added",
    files: true,
  },
  status: {
    schema: statusBody,
    body: (v) => ({ version: versionOf(v), status: v.status ?? "" }),
    run: moveStatus,
    notice: "status-changed",
  },
  resolve: {
    schema: resolutionBody,
    body: (v) => ({ version: versionOf(v), body: v.body ?? "" }),
    run: resolveRequest,
    notice: "request-resolved",
  },
  merge: {
    schema: mergeBody,
    body: (v) => ({ version: versionOf(v), into: v.into ?? "" }),
    run: mergeInto,
    notice: "request-merged",
  },
  incident: {
    schema: incidentBody,
    body: (v) => ({ version: versionOf(v), incidentId: idOrNull(v.incidentId) }),
    run: linkToIncident,
    notice: "incident-linked",
  },
  tags: {
    schema: tagsBody,
    // One box holds every tag: what is new in it is added, what is gone removed.
    body: (v) => {
      const now = splitTags(v.tags ?? "").map((t) => t.toLowerCase());
      const before = splitTags(v.tagsBefore ?? "");
      return {
        version: versionOf(v),
        add: now.filter((t) => !before.includes(t)),
        remove: before.filter((t) => !now.includes(t)),
      };
    },
    run: tagRequest,
    notice: "tags-changed",
    errorsAt: "tags",
  },
};

/** Refusals whose API detail names an endpoint, said as the form to use instead. */
const consoleWays: Readonly<Record<string, string>> = {
  "escalation-needs-packet":
    "Escalate with the form behind “Escalate to the operator”: it needs the packet.",
  "resolution-needs-message":
    "Resolve with the Resolution form: it needs the text the customer reads.",
};

/** A refused file or set of files is said at the form's file chooser. */
function filesField(errors: FormErrors, error: unknown): FormErrors {
  const refused = error instanceof Problem && /^(file-|attachments-)/.test(error.slug);
  if (!refused) return errors;
  const { attachments, _form, ...rest } = errors;
  return { ...rest, files: attachments ?? _form ?? "These files cannot be sent." };
}

/** A missing or broken version means the page itself is wrong, not a field the person can fix. */
function formLevel(errors: FormErrors): FormErrors {
  const { version, ...rest } = errors;
  return version ? { ...rest, _form: "The page was incomplete. Reload it and try again." } : errors;
}

/** Every field's error at the one field the form has for them, if the action says so. */
function atField(spec: ActionSpec, errors: FormErrors): FormErrors {
  if (!spec.errorsAt) return errors;
  const { _form, ...fields } = errors;
  const [first] = Object.values(fields);
  return { ...(_form ? { _form } : {}), ...(first ? { [spec.errorsAt]: first } : {}) };
}

/** POST /admin/requests/:number/<action>: the change, then back to the page with a notice. */
export function submitAction(deps: AppDeps, action: DeskAction) {
  const spec = specs[action];
  return async (c: StaffContext) => {
    const row = await requestForDesk(deps, c.req.param("number") ?? "");
    const values = keptValues(await readForm(c));
    const parsed = parseForm(spec.schema, spec.body(values));
    if (!parsed.ok) {
      const errors = atField(spec, formLevel(parsed.errors));
      return render(c, deps, row, { action, values, errors }, 422);
    }
    try {
      const attachments = spec.files
        ? await uploadFormFiles(deps, await readFormFiles(c, "files"))
        : [];
      await spec.run(deps, c.var.actor, row, {
        ...(parsed.data as object),
        ...(attachments.length ? { attachments } : {}),
      });
    } catch (error) {
      // The API's hint names its own endpoint; here the way is a form on the page.
      const way = error instanceof Problem ? consoleWays[error.slug] : undefined;
      const errors = way
        ? { _form: way }
        : atField(spec, filesField(errorsFromProblem(error), error));
      const status = error instanceof Problem ? error.status : 409;
      // The page shows the request as it is now, with what the person typed kept.
      const current = await requestForDesk(deps, row.number);
      return render(c, deps, current, { action, values, errors }, status);
    }
    return c.redirect(`/admin/requests/${row.number}?notice=${spec.notice}`, 303);
  };
}
