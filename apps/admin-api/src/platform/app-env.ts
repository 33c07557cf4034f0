import type { Context } from "hono";
import type { Actor } from "./actor.ts";
import type { SessionRefusal, StaffPrincipal } from "./auth.ts";

/**
 * What app.ts's middleware sets on every /api/v1 and /admin request, read
 * back as `c.var.…`. Declared on the routers' type (not globally), so a
 * router that does not run that middleware cannot read them by mistake.
 */
export interface AppVariables {
  /** The caller proven by a bearer token (auth.ts) or a session cookie (session.ts). */
  staff: StaffPrincipal | undefined;
  /** Why a valid session cookie did not count on the JSON API (session.ts); requireStaff says so. */
  sessionRefusal: SessionRefusal | undefined;
  /** Who acts (actor.ts: identifyActor), what every use case takes. */
  actor: Actor;
}

/** The bindings of every router mounted under /api/v1 and /admin. */
export interface AppEnv {
  Variables: AppVariables;
}

/** Behind requireStaff: only staff get this far, so `c.var.staff` is always there. */
export interface StaffEnv {
  Variables: AppVariables & { staff: StaffPrincipal };
}

/** A console page's context, signed in or not (the sign-in page). */
export type AppContext = Context<AppEnv>;

/**
 * A console page's context once requireStaff let the caller through. Hono's
 * plain router takes a handler's env from the handler, so unlike the API's
 * routes this is not checked: the page's router must put requireStaff first.
 */
export type StaffContext = Context<StaffEnv>;
