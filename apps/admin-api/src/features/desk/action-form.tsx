import type { IncidentView } from "@frontline/core";
import type { Child } from "hono/jsx";
import type { FormErrors, FormValues } from "../../platform/console/forms.ts";
import { CsrfInput } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import type { CannedForRequest } from "../canned-replies/canned-picker.tsx";
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
  "tags",
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

/** The id of a field in one action's form; the error summary links to it. */
export const actionFieldId = (action: DeskAction, name: string) => `${action}-${name}`;

/** One action's form on the request, posting the version the page showed. */
export function ActionForm(props: {
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
export function fieldsOf(props: ActionsProps, action: DeskAction) {
  const mine = props.failed?.action === action ? props.failed : undefined;
  return (name: string, shown?: string) => ({
    id: actionFieldId(action, name),
    name,
    value: mine?.values[name] ?? shown,
    error: mine?.errors[name],
  });
}
