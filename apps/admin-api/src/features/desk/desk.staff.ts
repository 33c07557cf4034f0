import type { DeskActor } from "@frontline/db";
import type { StaffPrincipal } from "../../platform/auth.ts";
import { problems } from "../../platform/problems.ts";

/** requireStaff has run, so a principal is there; this keeps the types honest. */
export function signedIn(staff: StaffPrincipal | undefined): StaffPrincipal {
  if (!staff) throw problems.unauthenticated();
  return staff;
}

/** The desk is for admins and agents; the timeline names them by role and name. */
export function deskActor(staff: StaffPrincipal): DeskActor {
  return { id: staff.id, name: staff.name, role: staff.role === "admin" ? "admin" : "agent" };
}
