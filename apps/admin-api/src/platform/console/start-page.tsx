import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { AppDeps } from "../deps.ts";

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
    // Agents and admins work the queue, operators their escalations; a confirmation goes along.
    const work = staff.role === "operator" ? "/admin/escalations" : "/admin/queue";
    return c.redirect(`${work}${new URL(c.req.url).search}`);
  });

  return router;
}
