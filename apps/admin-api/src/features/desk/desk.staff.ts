import type { DeskActor } from "@frontline/db";
import type { StaffPrincipal } from "../../platform/auth.ts";

/** The desk is for admins and agents; the timeline names them by role and name. */
export function deskActor(staff: StaffPrincipal): DeskActor {
  return { id: staff.id, name: staff.name, role: staff.role === "admin" ? "admin" : "agent" };
}
