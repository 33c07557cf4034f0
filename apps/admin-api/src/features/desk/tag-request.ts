import { changeTags, TooManyTagsError } from "@frontline/db";
import { problems } from "../../platform/problems.ts";
import { deskAction, deskChange, guarded, requestAudit } from "./desk.guards.ts";

// Adds and removes the desk's tags on a request, noted on the internal timeline.

export const tagRequest = deskAction<{ version: number; add: string[]; remove: string[] }>(
  async (deps, actor, row, input) => {
    try {
      const { request } = await guarded(() =>
        changeTags(deps.db, {
          ...deskChange(deps, actor, row, input.version),
          tags: { add: input.add, remove: input.remove },
          audit: requestAudit(deps, actor, "request.tag", row, {
            add: input.add,
            remove: input.remove,
          }),
        }),
      );
      return request;
    } catch (error) {
      if (!(error instanceof TooManyTagsError)) throw error;
      throw problems.validation([
        { field: "add", message: "A request takes at most 20 tags.", code: "too_many_tags" },
      ]);
    }
  },
);
