import { userInfo } from "node:os";
import { type AuditEntry, type Db, recordAudit } from "@frontline/db";
import type { Context } from "hono";
import type { Clock } from "./deps.ts";
import { clientAddress } from "./guards.ts";

/** What the account functions need; the CLI has no config, so not the whole AppDeps. */
export interface AccountDeps {
  readonly db: Db;
  readonly clock: Clock;
}

/** Who makes a change, for the audit log: a signed-in person, the command line, or the system. */
export interface Actor {
  readonly id: number | null;
  readonly label: string;
  readonly address: string | null;
}

/** The signed-in caller of a request (routes behind requireStaff only). */
export function requestActor(c: Context, trustedProxies: number): Actor {
  const staff = c.get("staff");
  return {
    id: staff?.id ?? null,
    label: staff?.email ?? "anonymous",
    address: clientAddress(c, trustedProxies),
  };
}

/** `npm run admin`: whoever holds a shell on the server, named by their OS account. */
export function cliActor(): Actor {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // Some containers run as a uid without a passwd entry.
  }
  return { id: null, label: "cli", address: `local shell (${user})` };
}

export const systemActor: Actor = { id: null, label: "system", address: null };

type WhatHappened = Pick<AuditEntry, "action" | "target" | "detail">;

/** The audit entry of a change the actor makes now; the change's own write stores it. */
export function auditEntry(deps: AccountDeps, actor: Actor, entry: WhatHappened): AuditEntry {
  return {
    ...entry,
    at: deps.clock.now(),
    actorId: actor.id,
    actorLabel: actor.label,
    clientAddress: actor.address,
  };
}

/** Records something that changes nothing else, such as a failed sign-in. */
export function audit(deps: AccountDeps, actor: Actor, entry: WhatHappened): Promise<void> {
  return recordAudit(deps.db, auditEntry(deps, actor, entry));
}
