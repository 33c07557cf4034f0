import {
  acceptedFileEndings,
  attachmentLimits,
  cannedReplyStatuses,
  type IncidentView,
} from "@frontline/core";
import type { Child } from "hono/jsx";
import { Submit } from "../../platform/console/form-layout.tsx";
import type { FormErrors, FormValues } from "../../platform/console/forms.ts";
import {
  CsrfInput,
  Field,
  FileField,
  SelectField,
  TextAreaField,
} from "../../platform/console/ui.tsx";
import {
  categoryOptions,
  languageName,
  serviceName,
  severityOptions,
  statusName,
} from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { type CannedForRequest, CannedPicker } from "../canned-replies/canned-picker.tsx";
import type { DeskView } from "./request.view.tsx";

// The actions on a request, one form each. Every form posts the version the
// page showed, so a change someone made meanwhile is refused, not overwritten.

export const deskActions = [
  "claim",
  "assign",
  "classify",
  "reply",
  "note",
  "status",
  "resolve",
  "merge",
  "incident",
] as const;
export type DeskAction = (typeof deskActions)[number];

/** The form that failed, with what was typed and why it was refused. */
export interface FailedAction {
  readonly action: DeskAction;
  readonly values: FormValues;
  readonly errors: FormErrors;
}

export interface ActionsProps {
  readonly deps: AppDeps;
  readonly view: DeskView;
  readonly meId: number;
  readonly assignees: readonly { id: number; name: string }[];
  readonly incidents: readonly IncidentView[];
  readonly failed?: FailedAction | undefined;
  /** The canned replies the caller may use, filled for this request. */
  readonly canned: readonly CannedForRequest[];
  /** The one picked to start the reply from (?canned=). */
  readonly chosenCanned?: CannedForRequest | undefined;
}

const MiB = 1024 * 1024;
const fileChooserAccept = acceptedFileEndings.map((ending) => `.${ending}`).join(",");
const filesHint = `Optional. Up to ${attachmentLimits.messageFiles} files, ${attachmentLimits.messageBytes / MiB} MiB in all, ${attachmentLimits.fileBytes / MiB} MiB each: images, PDF, text and logs, office documents, zip.`;

/** The id of a field in one action's form; the error summary links to it. */
export const actionFieldId = (action: DeskAction, name: string) => `${action}-${name}`;

/** One action's form on the request, posting the version the page showed. */
function ActionForm(props: {
  action: DeskAction;
  title: string;
  of: ActionsProps;
  children: Child;
  /** The form sends files (multipart/form-data). */
  files?: boolean;
}) {
  const { view, failed } = props.of;
  const formError = failed?.action === props.action ? failed.errors._form : undefined;
  return (
    <form
      method="post"
      action={`/admin/requests/${view.number}/${props.action}`}
      id={`action-${props.action}`}
      class="stack"
      novalidate
      enctype={props.files ? "multipart/form-data" : undefined}
      aria-label={props.title}
    >
      <CsrfInput />
      <input type="hidden" name="version" value={String(view.version)} />
      {formError ? (
        <p class="field-error" id={`${props.action}-form-error`} data-form-error>
          <span class="visually-hidden">Error: </span>
          {formError}
        </p>
      ) : null}
      {props.children}
    </form>
  );
}

/**
 * A field of one action's form: its id, and what was typed and its error
 * if this is the form that failed (else `shown`, what the request has now).
 */
function fieldsOf(props: ActionsProps, action: DeskAction) {
  const mine = props.failed?.action === action ? props.failed : undefined;
  return (name: string, shown?: string) => ({
    id: actionFieldId(action, name),
    name,
    value: mine?.values[name] ?? shown,
    error: mine?.errors[name],
  });
}

/** Who works on the request: the caller takes it, or gives it to someone (or nobody). */
function Assignment(props: ActionsProps) {
  const { view } = props;
  const assign = fieldsOf(props, "assign");
  return (
    <>
      <h3 id="assignment-title">Assignment</h3>
      {view.assignee?.id === props.meId ? (
        <p>It is assigned to you.</p>
      ) : (
        <ActionForm action="claim" title="Assign to me" of={props}>
          <Submit>Assign to me</Submit>
        </ActionForm>
      )}
      <ActionForm action="assign" title="Assign to someone" of={props}>
        <SelectField
          label="Assign to"
          {...assign("assigneeId", view.assignee ? String(view.assignee.id) : "")}
          options={[
            { value: "", label: "Nobody" },
            ...props.assignees.map((a) => ({ value: String(a.id), label: a.name })),
          ]}
        />
        <Submit tone="secondary">Assign</Submit>
      </ActionForm>
    </>
  );
}

/** Writing on the timeline: a reply the customer gets, or a note only the desk reads. */
function Messages(props: ActionsProps) {
  const reply = fieldsOf(props, "reply");
  const note = fieldsOf(props, "note");
  const chosen = props.chosenCanned;
  const moves = props.view.allowedStatuses.filter((s) =>
    (cannedReplyStatuses as readonly string[]).includes(s),
  );
  return (
    <>
      <h3>Reply to the customer</h3>
      <CannedPicker
        number={props.view.number}
        locale={props.view.locale}
        canned={props.canned}
        chosenId={chosen?.id}
      />
      <ActionForm action="reply" title="Reply to the customer" of={props} files>
        <TextAreaField
          label="Reply"
          {...reply("body", chosen?.filled ?? undefined)}
          hint={`Emailed to ${props.view.contact.email} and shown on their tracking page.`}
          maxlength={10_000}
          rows={6}
        />
        <FileField
          label="Files for the customer"
          {...reply("files")}
          accept={fileChooserAccept}
          hint={filesHint}
        />
        <SelectField
          label="Then set the status to"
          {...reply("status", chosen?.status ?? "")}
          options={[
            { value: "", label: `Keep it: ${statusName(props.view.status)}` },
            ...moves.map((s) => ({ value: s, label: statusName(s) })),
          ]}
        />
        <Submit>Send reply to the customer</Submit>
      </ActionForm>

      <h3>Internal note</h3>
      <ActionForm action="note" title="Add an internal note" of={props} files>
        <TextAreaField
          label="Internal note"
          {...note("body")}
          hint="Only the desk sees it: it is never shown or mailed to the customer."
          maxlength={10_000}
          rows={4}
        />
        <FileField
          label="Files for the desk"
          {...note("files")}
          accept={fileChooserAccept}
          hint={filesHint}
        />
        <Submit tone="secondary">Add internal note</Submit>
      </ActionForm>
    </>
  );
}

/** Where the request is in its lifecycle: the moves staff may make, and the way to the operator. */
function Lifecycle(props: ActionsProps) {
  const { view } = props;
  const status = fieldsOf(props, "status");
  const canEscalate = view.status === "new" || view.status === "open";
  // Resolving has its own form below: it needs the text the customer reads.
  const moves = view.allowedStatuses.filter((s) => s !== "resolved");
  return (
    <>
      <h3>Status</h3>
      {moves.length === 0 ? (
        <p>No status change is possible from here now.</p>
      ) : (
        <ActionForm action="status" title="Change the status" of={props}>
          <SelectField
            label="New status"
            {...status("status")}
            hint="The customer is told and mailed."
            options={moves.map((s) => ({ value: s, label: statusName(s) }))}
          />
          <Submit tone="secondary">Change status</Submit>
        </ActionForm>
      )}
      {view.allowedStatuses.includes("resolved") ? <Resolution {...props} /> : null}

      <h3>Escalation</h3>
      {canEscalate ? (
        <p>
          <a href={`/admin/requests/${view.number}/escalate`} class="button" data-escalate>
            Escalate to the operator
          </a>
        </p>
      ) : (
        <p>Only a new or open request can be escalated.</p>
      )}
    </>
  );
}

/**
 * Resolving: the text the customer reads, in their language, prefilled
 * from the operator's resolution when the operator fixed it.
 */
function Resolution(props: ActionsProps) {
  const { view } = props;
  const resolve = fieldsOf(props, "resolve");
  const fromOperator = view.operatorResolution;
  return (
    <>
      <h3 id="resolution-title">Resolution</h3>
      {fromOperator ? (
        <div class="notice" role="status" data-operator-resolution>
          <p>
            <strong>Resolved by the operator, awaiting your reply.</strong> The customer has not
            been told yet. The operator wrote (internal):
          </p>
          <blockquote class="message-body">{fromOperator.message}</blockquote>
        </div>
      ) : null}
      <ActionForm action="resolve" title="Resolve the request" of={props}>
        <TextAreaField
          label={`Resolution for the customer, in ${languageName(view.locale)}`}
          {...resolve("body", fromOperator?.message)}
          hint={`What fixed it, in words the customer understands. Emailed to ${view.contact.email} with the news that the request is resolved.`}
          maxlength={10_000}
          rows={6}
        />
        <Submit>Resolve and send to the customer</Submit>
      </ActionForm>
    </>
  );
}

/** What the request is about: severity and category, and the incident behind it. */
function Classification(props: ActionsProps) {
  const { view } = props;
  const classify = fieldsOf(props, "classify");
  const incident = fieldsOf(props, "incident");
  return (
    <>
      <h3>Classification</h3>
      <ActionForm action="classify" title="Change the classification" of={props}>
        <SelectField
          label="Severity"
          {...classify("severity", view.severity)}
          hint="A new severity changes the SLA targets at once."
          options={severityOptions}
        />
        <SelectField
          label="Category"
          {...classify("category", view.category)}
          options={categoryOptions}
        />
        <Submit tone="secondary">Save classification</Submit>
      </ActionForm>

      <h3>Incident</h3>
      <ActionForm action="incident" title="Link to an incident" of={props}>
        <SelectField
          label="Incident"
          {...incident("incidentId", view.incident ? String(view.incident.id) : "")}
          options={[
            { value: "", label: "No incident" },
            ...props.incidents.map((i) => ({
              value: String(i.id),
              label: `#${i.id}: ${serviceName(props.deps.config.services, i.service)}, ${i.impact}`,
            })),
          ]}
        />
        <Submit tone="secondary">Save incident link</Submit>
      </ActionForm>
    </>
  );
}

export function Actions(props: ActionsProps) {
  const merge = fieldsOf(props, "merge");
  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">Work on the request</h2>
      <Assignment {...props} />
      <Messages {...props} />
      <Lifecycle {...props} />
      <Classification {...props} />

      <h3>Merge as a duplicate</h3>
      <ActionForm action="merge" title="Merge into another request" of={props}>
        <Field
          label="Merge into request number"
          {...merge("into")}
          hint="This request is closed and the customer is told to follow the other one."
          maxlength={40}
          spellcheck={false}
        />
        <Submit tone="danger">Merge and close this request</Submit>
      </ActionForm>
    </section>
  );
}
