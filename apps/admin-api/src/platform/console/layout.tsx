import type { StaffRole } from "@frontline/db";
import type { Child } from "hono/jsx";
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../app-env.ts";
import type { StaffPrincipal } from "../auth.ts";
import { CsrfInput, Notice } from "./ui.tsx";

declare module "hono" {
  interface ContextRenderer {
    /** Renders a console page inside the layout: `return c.render(<Page />, { title })`. */
    // biome-ignore lint/style/useShorthandFunctionType: Hono merges this interface; a type alias would not merge.
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

export interface ConsoleSection {
  readonly href: string;
  readonly label: string;
  readonly description: string;
  readonly roles: readonly StaffRole[];
}

/**
 * The console's sections and who may use them. Operators work escalations
 * and incidents only: they never see the queue or customers.
 */
export const consoleSections: readonly ConsoleSection[] = [
  {
    href: "/admin/queue",
    label: "Queue",
    description: "Requests waiting for the partner, by SLA due time.",
    roles: ["admin", "agent"],
  },
  {
    href: "/admin/customers",
    label: "Customers",
    description: "Customers, their contacts and subscriptions.",
    roles: ["admin", "agent"],
  },
  {
    href: "/admin/escalations",
    label: "Escalations",
    description: "Requests handed to the operator, and the operator's answers.",
    roles: ["admin", "agent", "operator"],
  },
  {
    href: "/admin/incidents",
    label: "Incidents",
    description: "Service health: outages and degradations.",
    roles: ["admin", "agent", "operator"],
  },
  {
    href: "/admin/canned-replies",
    label: "Canned replies",
    description: "Texts to start replies from, per language: the desk's and your own.",
    roles: ["admin", "agent"],
  },
  {
    href: "/admin/portals",
    label: "Admin portals",
    description: "The operator's admin portal per service, opened for a customer from the desk.",
    roles: ["admin"],
  },
  {
    href: "/admin/users",
    label: "Users",
    description: "Staff accounts and their roles.",
    roles: ["admin"],
  },
  {
    href: "/admin/audit",
    label: "Audit log",
    description: "Who signed in and changed what, from where.",
    roles: ["admin"],
  },
  {
    href: "/admin/retention",
    label: "Retention",
    description: "How long closed requests are kept before they are deleted.",
    roles: ["admin"],
  },
];

export const sectionsFor = (role: StaffRole) =>
  consoleSections.filter((s) => s.roles.includes(role));

const roleNames: Record<StaffRole, string> = {
  admin: "Admin",
  agent: "Agent",
  operator: "Operator",
};
export const roleName = (role: StaffRole) => roleNames[role];

/**
 * Confirmations after a redirect (`?notice=user-created`). Only these fixed
 * texts can appear, so a crafted link cannot put words on the page.
 */
export const consoleNotices: Readonly<Record<string, string>> = {
  "signed-out": "You are signed out.",
  "password-changed":
    "Your password is changed. Other sessions with the old password are signed out and your API tokens are revoked; make new ones under API tokens.",
  "user-created": "The user is created. They must change the password at first sign-in.",
  "role-changed": "The role is changed.",
  "user-disabled":
    "The user is disabled: their sessions ended and their API tokens stopped working.",
  "user-enabled": "The user is enabled again.",
  "token-revoked": "The token is revoked. Calls with it are refused from now on.",
  "canned-saved": "The canned reply is saved.",
  "canned-deleted": "The canned reply is deleted.",
  "portal-saved": "The admin portal is saved. Customer pages link to it now.",
  "portal-removed": "The admin portal is removed.",
  "retention-saved": "The retention policy is saved. It runs every hour.",
  "request-assigned": "The assignment is saved.",
  "request-classified": "The classification is saved; the SLA targets follow the severity.",
  "reply-sent": "The reply is sent: the customer sees it and gets it by email.",
  "note-added": "The internal note is added. The customer does not see it.",
  "status-changed": "The status is changed and the customer is told.",
  "request-resolved":
    "The request is resolved: the customer reads your resolution and gets it by email.",
  "request-merged": "The request is merged and closed; the customer is told where to follow it.",
  "incident-linked": "The incident link is saved.",
  "tags-changed": "The tags are saved.",
  "view-saved": "The view is saved. The queue shows its filters.",
  "view-deleted": "The view is deleted.",
  "request-escalated": "The request is escalated to the operator.",
  "escalation-updated": "The escalation is updated.",
  "incident-posted": "The incident is posted. The help center shows it now.",
  "incident-updated": "The incident is updated.",
  "customer-created": "The customer is added.",
  "customer-updated": "The customer is saved.",
  "subscription-added": "The subscription is added.",
  "subscription-updated": "The subscription is saved.",
};

const isCurrent = (path: string, href: string) => path === href || path.startsWith(`${href}/`);

/** The sections the signed-in person's role may use, the current one marked. */
function SectionsNav({ role, path }: { role: StaffRole; path: string }) {
  return (
    <nav aria-label="Sections">
      <ul>
        {sectionsFor(role).map((section) => (
          <li>
            <a
              href={section.href}
              aria-current={isCurrent(path, section.href) ? "page" : undefined}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Who is signed in and the way out. Someone who must change their password
 * first sees their name and the sign-out only, not the links to their account.
 */
function Account({
  staff,
  signedIn,
  path,
}: {
  staff: StaffPrincipal;
  signedIn: boolean;
  path: string;
}) {
  return (
    <div class="account">
      <span>
        {staff.name} <span class="role">({roleName(staff.role)})</span>
      </span>
      {signedIn ? (
        <nav aria-label="Your account">
          <ul>
            <li>
              <a
                href="/admin/tokens"
                aria-current={isCurrent(path, "/admin/tokens") ? "page" : undefined}
              >
                API tokens
              </a>
            </li>
            <li>
              <a
                href="/admin/password"
                aria-current={isCurrent(path, "/admin/password") ? "page" : undefined}
              >
                Password
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
      <form method="post" action="/admin/sign-out">
        <CsrfInput />
        <button type="submit" class="secondary">
          Sign out
        </button>
      </form>
    </div>
  );
}

/**
 * Every console page: language, skip link, header with the product, the
 * signed-in person and role, the sections their role may use, and main.
 */
export function Layout({ title, children }: { title: string; children?: Child }) {
  const c = useRequestContext<AppEnv>();
  const staff = c.var.staff;
  const path = c.req.path;
  const signedIn = staff && !staff.mustChangePassword;
  const code = c.req.query("notice");
  const notice = code && Object.hasOwn(consoleNotices, code) ? consoleNotices[code] : undefined;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · Frontline desk`}</title>
        <link rel="stylesheet" href="/admin/console.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <a class="brand" href="/admin">
            Frontline desk
          </a>
          {signedIn ? <SectionsNav role={staff.role} path={path} /> : null}
          {staff ? <Account staff={staff} signedIn={!!signedIn} path={path} /> : null}
        </header>
        <main id="main" tabindex={-1}>
          {notice ? <Notice>{notice}</Notice> : null}
          {children}
        </main>
        <footer>Frontline partner desk</footer>
      </body>
    </html>
  );
}
