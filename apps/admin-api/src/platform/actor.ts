import { userInfo } from "node:os";
import { type AuditEntry, type Db, recordAudit } from "@frontline/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";
import type { StaffPrincipal } from "./auth.ts";
import type { Clock } from "./deps.ts";
import { clientAddress } from "./guards.ts";
import { problems } from "./problems.ts";

/** What the account functions need; the CLI has no config, so not the whole AppDeps. */
export interface AccountDeps {
  readonly db: Db;
  readonly clock: Clock;
}

/**
 * Who acts, and from where: the one type every use case takes. A signed-in
 * staff member (with their role, for the rules), a customer on the public
 * API, the command line, or the system itself.
 */
export interface Actor {
  /** The signed-in staff member, when it is one. */
  readonly staff?: StaffPrincipal;
  /** For the audit log: the staff member's id, or null. */
  readonly id: number | null;
  /** As the audit log shows it: an email, "customer", "cli" or "system". */
  readonly label: string;
  readonly address: string | null;
}

export function staffActor(staff: StaffPrincipal, address: string | null): Actor {
  return { staff, id: staff.id, label: staff.email, address };
}

/**
 * Names the caller once per request, after authentication: every route
 * reads `c.var.actor` instead of piecing it together.
 */
export function identifyActor(trustedProxies: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const staff = c.var.staff;
    const address = clientAddress(c, trustedProxies);
    c.set("actor", staff ? staffActor(staff, address) : { id: null, label: "customer", address });
    await next();
  };
}

/** The staff member behind an actor, for use cases only staff may run: the CLI or the system is refused. */
export function staffOf(actor: Actor): StaffPrincipal {
  if (!actor.staff) throw problems.unauthenticated();
  return actor.staff;
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

export type WhatHappened = Pick<AuditEntry, "action" | "target" | "detail">;

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
