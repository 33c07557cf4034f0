import { type Locale, label, resolveLocale } from "@frontline/core";
import type { IncidentSubscription } from "@frontline/db";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { Problem } from "../../platform/problem.ts";
import { statusPageUrl } from "./incident-notice.ts";
import { readConfirmation } from "./subscription-links.ts";
import { ActionForm, fillService, pageWords, SubscriptionPage } from "./subscription-pages.tsx";
import { subscribeRoute } from "./subscriptions.routes.ts";
import {
  confirmSubscription,
  requestSubscription,
  subscriptionOfLink,
  unsubscribe,
} from "./subscriptions.use-cases.ts";

/** The status page's subscribe form: JSON, a problem for any bad field. */
export function subscriptionsApi(deps: AppDeps) {
  return createRouter().openapi(subscribeRoute, async (c) => {
    await requestSubscription(deps, c.req.valid("json"));
    return c.json({ status: "confirmation-sent" as const }, 202);
  });
}

/** The path and query the page was asked at: its button POSTs the same link. */
const ownAddress = (c: Context<AppEnv>) => {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
};

export const CONFIRM_PATH = "/status-mail/confirm";
export const UNSUBSCRIBE_PATH = "/status-mail/unsubscribe";

/**
 * The pages of the links in incident mail. GET only shows a button (mail
 * scanners follow links, and must neither confirm nor unsubscribe anyone);
 * POST acts. The unsubscribe address also takes a mail client's one-click
 * POST (RFC 8058, body "List-Unsubscribe=One-Click"), which needs no page
 * but gets the same one. A refused link changes nothing and says so, in
 * the reader's language.
 */
export function subscriptionPages(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const serviceName = (id: string, locale: Locale) => {
    const service = deps.config.services.find((s) => s.id === id);
    return service ? label(service.label, locale) : id;
  };
  const page = (
    c: Context<AppEnv>,
    locale: Locale,
    title: string,
    lead: string,
    status: 200 | 400 = 200,
    action?: { label: string },
  ) => {
    c.header("Cache-Control", "no-store");
    // The token is in the address: the pages must not pass it on to another site.
    c.header("Referrer-Policy", "no-referrer");
    return c.html(
      <SubscriptionPage
        locale={locale}
        title={title}
        lead={lead}
        statusUrl={statusPageUrl(deps, locale)}
      >
        {action ? <ActionForm action={ownAddress(c)} label={action.label} /> : null}
      </SubscriptionPage>,
      status,
    );
  };
  const token = (c: Context<AppEnv>) => c.req.query("token") ?? "";
  const langOf = (c: Context<AppEnv>) => resolveLocale(c.req.query("lang"));
  const invalid = (c: Context<AppEnv>, locale: Locale) =>
    page(c, locale, pageWords[locale].invalidTitle, pageWords[locale].invalidLead, 400);
  /** A refused link is a page in the reader's language; anything else is a real error. */
  const orInvalid = async (c: Context<AppEnv>, locale: Locale, run: () => Promise<Response>) => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Problem && error.status === 400) return invalid(c, locale);
      throw error;
    }
  };

  router.get(CONFIRM_PATH, (c) => {
    const pending = readConfirmation(deps.config.accessLinkSecret, token(c), deps.clock.now());
    const locale = pending?.locale ?? langOf(c);
    if (!pending) return invalid(c, locale);
    const words = pageWords[locale];
    return page(
      c,
      locale,
      words.confirmTitle,
      fillService(words.confirmLead, serviceName(pending.service, locale)),
      200,
      {
        label: words.confirmButton,
      },
    );
  });
  router.post(CONFIRM_PATH, (c) =>
    orInvalid(c, langOf(c), async () => {
      const subscription = await confirmSubscription(deps, token(c));
      const words = pageWords[subscription.locale];
      return page(
        c,
        subscription.locale,
        words.confirmedTitle,
        fillService(words.confirmedLead, serviceName(subscription.service, subscription.locale)),
      );
    }),
  );
  const unsubscribed = (c: Context<AppEnv>, locale: Locale) =>
    page(c, locale, pageWords[locale].unsubscribedTitle, pageWords[locale].unsubscribedLead);
  router.get(UNSUBSCRIBE_PATH, (c) =>
    orInvalid(c, langOf(c), async () => {
      const subscription: IncidentSubscription | null = await subscriptionOfLink(deps, token(c));
      if (!subscription) return unsubscribed(c, langOf(c));
      const words = pageWords[subscription.locale];
      return page(
        c,
        subscription.locale,
        words.unsubscribeTitle,
        fillService(words.unsubscribeLead, serviceName(subscription.service, subscription.locale)),
        200,
        { label: words.unsubscribeButton },
      );
    }),
  );
  router.post(UNSUBSCRIBE_PATH, (c) =>
    orInvalid(c, langOf(c), async () => {
      const removed = await unsubscribe(deps, token(c));
      return unsubscribed(c, removed?.locale ?? langOf(c));
    }),
  );
  return router;
}
