import type { Context, MiddlewareHandler } from "hono";
import { jsxRenderer } from "hono/jsx-renderer";
import type { AppEnv } from "../app-env.ts";
import { limitBodies } from "../body-limits.ts";
import type { AppDeps } from "../deps.ts";
import { Problem } from "../problem.ts";
import { problems } from "../problems.ts";
import { sameSecret } from "../session.ts";
import { parseFormBody } from "./forms.ts";
import { Layout } from "./layout.tsx";

/** Pages anyone may open: signing in needs no session, nor does the stylesheet. */
const PUBLIC_PATHS = new Set(["/admin/sign-in", "/admin/console.css"]);
/** What someone holding a one-time password may do: change it, or leave. */
const PASSWORD_CHANGE_PATHS = new Set(["/admin/password", "/admin/sign-out"]);
const SAFE_METHODS = new Set(["GET", "HEAD"]);

function signInUrl(c: Context): string {
  if (!SAFE_METHODS.has(c.req.method)) return "/admin/sign-in";
  const url = new URL(c.req.url);
  const here = `${url.pathname}${url.search}`;
  return here === "/admin" ? "/admin/sign-in" : `/admin/sign-in?next=${encodeURIComponent(here)}`;
}

/** The CSRF token a console form (or a script, as X-CSRF-Token) sent. */
async function sentCsrfToken(c: Context): Promise<string | undefined> {
  const header = c.req.header("X-CSRF-Token");
  if (header) return header;
  const type = c.req.header("Content-Type") ?? "";
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  ) {
    return undefined;
  }
  const value = (await parseFormBody(c))._csrf;
  return typeof value === "string" ? value : undefined;
}

function ErrorPage({ status, title, detail }: { status: number; title: string; detail?: string }) {
  return (
    <>
      <h1>{title}</h1>
      {detail ? <p>{detail}</p> : null}
      <p>
        <a href="/admin">Go to the desk's start page</a>
        {status === 403 ? null : " or use your browser's back button."}
      </p>
    </>
  );
}

function pageTitle(problem: Problem): string {
  if (problem.status === 404) return "Page not found";
  if (problem.status >= 500) return "Something went wrong";
  if (problem.slug === "forbidden") return "You cannot open this page";
  return problem.title;
}

/** Renders a problem as a console page with the same status. */
export function renderProblemPage(c: Context, problem: Problem): Response | Promise<Response> {
  const title = pageTitle(problem);
  const detail =
    problem.status === 404 ? "There is nothing at this address in the desk." : problem.detail;
  c.status(problem.status);
  if (problem.retryAfter) c.header("Retry-After", String(problem.retryAfter));
  return c.render(<ErrorPage status={problem.status} title={title} detail={detail} />, { title });
}

const csrfProblem = problems.csrfTokenInvalid(
  "The page you sent it from was too old or was not opened from the desk. Open the page again and resend the form.",
  "This form has expired",
);

/**
 * Everything every console page shares, mounted on /admin/* after the
 * session middleware:
 * - pages render in the layout (`c.render(content, { title })`);
 * - anonymous visitors go to the sign-in page, coming back afterwards;
 * - every form POST must carry the session's CSRF token (sign-in has its own);
 * - with a one-time password, only the password page is open;
 * - errors thrown anywhere show as pages, not as JSON;
 * - no page is cached or framed (they hold CSRF tokens and personal data).
 */
export function consoleShell(_deps: AppDeps): MiddlewareHandler<AppEnv>[] {
  const headersAndErrors: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.error) {
      const problem =
        c.error instanceof Problem ? c.error : problems.internal("Something went wrong");
      c.res =
        problem.status === 401
          ? c.redirect(signInUrl(c), 303)
          : await renderProblemPage(c, problem);
    }
    if (c.req.path !== "/admin/console.css") c.header("Cache-Control", "no-store");
  };

  // Before the CSRF check reads the form, so an oversized one is never parsed.
  const bodies = limitBodies();

  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const path = c.req.path.replace(/\/+$/, "") || "/";
    if (PUBLIC_PATHS.has(path)) return next();
    const staff = c.var.staff;
    if (!staff) return c.redirect(signInUrl(c), SAFE_METHODS.has(c.req.method) ? 302 : 303);
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !sameSecret(await sentCsrfToken(c), staff.csrfToken ?? "")
    ) {
      return renderProblemPage(c, csrfProblem);
    }
    if (staff.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(path)) {
      return c.redirect("/admin/password", SAFE_METHODS.has(c.req.method) ? 302 : 303);
    }
    return next();
  };

  return [
    headersAndErrors,
    jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, {
      docType: true,
    }),
    bodies,
    gate,
  ];
}
