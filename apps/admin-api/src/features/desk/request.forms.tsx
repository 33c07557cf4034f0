import { Submit } from "../../platform/console/form-layout.tsx";
import { Field, SelectField, TextAreaField } from "../../platform/console/ui.tsx";
import {
  categoryOptions,
  languageName,
  serviceName,
  severityOptions,
  statusName,
} from "../../platform/console/words.ts";

// The actions on a request, one form each, in the order an agent works.

import { ActionForm, type ActionsProps, fieldsOf } from "./action-form.tsx";
import { Messages } from "./message-forms.tsx";

export {
  actionFieldId,
  type DeskAction,
  deskActions,
  type FailedAction,
} from "./action-form.tsx";

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

/** The desk's own words for the request; one box, the form works out what was added and removed. */
function Tags(props: ActionsProps) {
  const tags = fieldsOf(props, "tags");
  const current = props.view.tags.join(", ");
  return (
    <>
      <h3>Tags</h3>
      <ActionForm action="tags" title="Change the tags" of={props}>
        <input type="hidden" name="tagsBefore" value={current} />
        <Field
          label="Tags"
          {...tags("tags", current)}
          hint="Separated by commas or spaces. Internal: the customer never sees them."
          spellcheck={false}
        />
        <Submit tone="secondary">Save tags</Submit>
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
      <Tags {...props} />

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
