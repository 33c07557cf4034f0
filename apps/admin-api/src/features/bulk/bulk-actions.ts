import type { RequestRow } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { assignTo } from "../desk/assign-request.ts";
import { requestForDesk } from "../desk/desk.use-cases.ts";
import { linkToIncident } from "../desk/link-to-incident.ts";
import { moveStatus } from "../desk/move-status.ts";
import { tagRequest } from "../desk/tag-request.ts";
import type { BulkAction } from "./bulk.routes.ts";

export interface BulkResult {
  readonly number: string;
  readonly ok: boolean;
  readonly status: RequestRow["status"] | null;
  readonly problem: { type: string; title: string; detail: string | null } | null;
}

/** The one-request action a bulk action runs, at the version just read. */
function runOne(deps: AppDeps, actor: Actor, row: RequestRow, action: BulkAction) {
  const version = row.version;
  switch (action.type) {
    case "assign":
      return assignTo(deps, actor, row, { version, assigneeId: action.assigneeId });
    case "status":
      return moveStatus(deps, actor, row, { version, status: action.status });
    case "close":
      return moveStatus(deps, actor, row, { version, status: "closed" });
    case "incident":
      return linkToIncident(deps, actor, row, { version, incidentId: action.incidentId });
    case "tags":
      return tagRequest(deps, actor, row, { version, add: action.add, remove: action.remove });
  }
}

/**
 * Applies one action to each request in turn, through the same use case
 * as a single change, so the lifecycle and every check hold per request.
 * A refusal is reported for its request and the rest go on.
 */
export async function applyBulkAction(
  deps: AppDeps,
  actor: Actor,
  numbers: readonly string[],
  action: BulkAction,
) {
  const results: BulkResult[] = [];
  for (const number of new Set(numbers.map((n) => n.trim().toUpperCase()))) {
    try {
      const row = await requestForDesk(deps, number);
      const updated = await runOne(deps, actor, row, action);
      results.push({ number, ok: true, status: updated.status, problem: null });
    } catch (error) {
      if (!(error instanceof Problem) || error.status >= 500) throw error;
      const problem = { type: error.slug, title: error.title, detail: error.detail ?? null };
      results.push({ number, ok: false, status: null, problem });
    }
  }
  const changed = results.filter((r) => r.ok).length;
  return { changed, refused: results.length - changed, results };
}
