import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { AppDeps } from "../deps.ts";
import { roleName, sectionsFor } from "./layout.tsx";

const stylesheet = readFileSync(new URL("./console.css", import.meta.url), "utf8");

/** The console's own pages: its stylesheet and the start page. */
export function consoleStartPage(_deps: AppDeps) {
  const router = new Hono<AppEnv>();

  router.get("/admin/console.css", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.body(stylesheet, 200, { "Content-Type": "text/css; charset=utf-8" });
  });

  router.get("/admin/", (c) => c.redirect("/admin"));
  router.get("/admin", (c) => {
    const staff = c.var.staff;
    if (!staff) return c.redirect("/admin/sign-in");
    // Agents and admins work the queue; a confirmation in the address goes along.
    if (staff.role !== "operator") return c.redirect(`/admin/queue${new URL(c.req.url).search}`);
    return c.render(
      <>
        <h1>Welcome, {staff.name}</h1>
        <p>
          You are signed in as {staff.email} with the role {roleName(staff.role)}.
        </p>
        <h2>Sections</h2>
        <ul class="sections">
          {sectionsFor(staff.role).map((section) => (
            <li>
              <a href={section.href}>{section.label}</a>
              <p>{section.description}</p>
            </li>
          ))}
        </ul>
        <h2>Your account</h2>
        <ul>
          <li>
            <a href="/admin/tokens">API tokens</a>: for scripts calling the API with your role.
          </li>
          <li>
            <a href="/admin/password">Change your password</a>
          </li>
        </ul>
      </>,
      { title: "Start" },
    );
  });

  return router;
}
