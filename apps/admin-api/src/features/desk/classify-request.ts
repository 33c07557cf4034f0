import type { CategoryId, SeverityId } from "@frontline/core";
import { classifyRequest } from "@frontline/db";
import { deskAction, deskChange, guarded, requestAudit } from "./desk.guards.ts";

// Changes severity or category; a new severity re-plans the SLA clock.

export const classify = deskAction<{
  version: number;
  severity?: SeverityId;
  category?: CategoryId;
}>(async (deps, actor, row, input) => {
  const changes: string[] = [];
  if (input.severity && input.severity !== row.severity) {
    changes.push(`severity ${row.severity} → ${input.severity}`);
  }
  if (input.category && input.category !== row.category) {
    changes.push(`category ${row.category} → ${input.category}`);
  }
  if (changes.length === 0) return row;
  const summary = `${changes.join("; ")}.`;
  const updated = await guarded(() =>
    classifyRequest(deps.db, {
      ...deskChange(deps, actor, row, input.version),
      ...(input.severity ? { severity: input.severity } : {}),
      ...(input.category ? { category: input.category } : {}),
      before: { severity: row.severity, category: row.category },
      summary: summary.charAt(0).toUpperCase() + summary.slice(1),
      audit: (after) =>
        requestAudit(deps, actor, "request.classify", row, {
          from: { severity: row.severity, category: row.category },
          to: { severity: after.severity, category: after.category },
        }),
    }),
  );
  return updated;
});
