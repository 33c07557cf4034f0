import { addInternalNote } from "@frontline/db";
import { uploadHashes } from "../attachments/attachments.use-cases.ts";
import { deskAction, deskChange, guarded, requestAudit } from "./desk.guards.ts";

// An internal note: the partner's own record, never shown or mailed to the customer.

export const addNote = deskAction<{
  version: number;
  body: string;
  attachments?: readonly string[] | undefined;
}>(async (deps, actor, row, input) => {
  const updated = await guarded(() =>
    addInternalNote(deps.db, {
      ...deskChange(deps, actor, row, input.version),
      body: input.body,
      attachments: uploadHashes(input.attachments),
      audit: requestAudit(deps, actor, "request.note", row),
    }),
  );
  return updated;
});
