import { acceptedFileEndings, attachmentLimits, cannedReplyStatuses } from "@frontline/core";
import { Submit } from "../../platform/console/form-layout.tsx";
import { FileField, SelectField, TextAreaField } from "../../platform/console/ui.tsx";
import { statusName } from "../../platform/console/words.ts";
import { CannedPicker } from "../canned-replies/canned-picker.tsx";

// Writing on the timeline: the reply (with files, a canned start and an
// optional status) and the internal note.

import { ActionForm, type ActionsProps, fieldsOf } from "./action-form.tsx";

const MiB = 1024 * 1024;
const fileChooserAccept = acceptedFileEndings.map((ending) => `.${ending}`).join(",");
const filesHint = `Optional. Up to ${attachmentLimits.messageFiles} files, ${attachmentLimits.messageBytes / MiB} MiB in all, ${attachmentLimits.fileBytes / MiB} MiB each: images, PDF, text and logs, office documents, zip.`;

/** Writing on the timeline: a reply the customer gets, or a note only the desk reads. */
export function Messages(props: ActionsProps) {
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
