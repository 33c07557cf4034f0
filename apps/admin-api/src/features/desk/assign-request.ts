import { assignRequest, getStaffUser } from "@frontline/db";
import { staffOf } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";
import { deskAction, deskChange, guarded, requestAudit } from "./desk.guards.ts";

// Gives a request to an admin or agent (or to nobody), on the internal timeline.

export const assignTo = deskAction<{ version: number; assigneeId: number | "me" | null }>(
  async (deps, actor, row, input) => {
    const targetId = input.assigneeId === "me" ? staffOf(actor).id : input.assigneeId;
    let to: { id: number; name: string } | null = null;
    if (targetId !== null) {
      const user = await getStaffUser(deps.db, targetId);
      if (!user || user.disabled || user.role === "operator") {
        throw problems.validation([
          {
            field: "assigneeId",
            message: "Assign requests to an active admin or agent.",
            code: "invalid_assignee",
          },
        ]);
      }
      to = { id: user.id, name: user.name };
    }
    if (row.assigneeId === targetId) return row;
    const updated = await guarded(() =>
      assignRequest(deps.db, {
        ...deskChange(deps, actor, row, input.version),
        from: row.assigneeId,
        to,
        audit: requestAudit(deps, actor, "request.assign", row, {
          from: row.assigneeId,
          to: targetId,
        }),
      }),
    );
    return updated;
  },
);
