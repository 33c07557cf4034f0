import type { Locale } from "@frontline/core";
import type { Child } from "hono/jsx";

/**
 * The few pages of incident mail's links (confirm, unsubscribe), served by
 * the server in the subscriber's language: the help center is static and
 * these answer a signed link at once.
 */
type Words = {
  confirmTitle: string;
  confirmLead: string;
  confirmButton: string;
  confirmedTitle: string;
  confirmedLead: string;
  unsubscribeTitle: string;
  unsubscribeLead: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedLead: string;
  invalidTitle: string;
  invalidLead: string;
  statusPage: string;
};

export const pageWords: Record<Locale, Words> = {
  en: {
    confirmTitle: "Confirm your subscription",
    confirmLead: "Get an email whenever there is an incident with {service}.",
    confirmButton: "Confirm subscription",
    confirmedTitle: "You are subscribed",
    confirmedLead:
      "You will get an email about every incident with {service}. Each one has a link to unsubscribe.",
    unsubscribeTitle: "Unsubscribe from incident emails",
    unsubscribeLead: "Stop the emails about incidents with {service}.",
    unsubscribeButton: "Unsubscribe",
    unsubscribedTitle: "You are unsubscribed",
    unsubscribedLead: "You will get no more emails about incidents from us.",
    invalidTitle: "This link is not valid",
    invalidLead: "It may be incomplete, altered or expired. Subscribe again on the status page.",
    statusPage: "Go to the status page",
  },
  de: {
    confirmTitle: "Abonnement bestätigen",
    confirmLead: "Erhalten Sie bei jeder Störung von {service} eine E-Mail.",
    confirmButton: "Abonnement bestätigen",
    confirmedTitle: "Sie haben die Meldungen abonniert",
    confirmedLead:
      "Sie erhalten zu jeder Störung von {service} eine E-Mail. Jede enthält einen Link zum Abbestellen.",
    unsubscribeTitle: "Störungsmeldungen abbestellen",
    unsubscribeLead: "Keine E-Mails mehr zu Störungen von {service}.",
    unsubscribeButton: "Abbestellen",
    unsubscribedTitle: "Sie haben die Meldungen abbestellt",
    unsubscribedLead: "Sie erhalten von uns keine E-Mails zu Störungen mehr.",
    invalidTitle: "Dieser Link ist ungültig",
    invalidLead:
      "Er ist vielleicht unvollständig, verändert oder abgelaufen. Abonnieren Sie die Meldungen erneut auf der Statusseite.",
    statusPage: "Zur Statusseite",
  },
  it: {
    confirmTitle: "Confermi l'iscrizione",
    confirmLead: "Riceva un'email per ogni disservizio di {service}.",
    confirmButton: "Conferma l'iscrizione",
    confirmedTitle: "Iscrizione confermata",
    confirmedLead:
      "Riceverà un'email per ogni disservizio di {service}. Ognuna contiene un link per annullare l'iscrizione.",
    unsubscribeTitle: "Annulli l'iscrizione agli avvisi",
    unsubscribeLead: "Non riceva più email sui disservizi di {service}.",
    unsubscribeButton: "Annulla l'iscrizione",
    unsubscribedTitle: "Iscrizione annullata",
    unsubscribedLead: "Non riceverà più email sui disservizi.",
    invalidTitle: "Questo link non è valido",
    invalidLead:
      "Potrebbe essere incompleto, modificato o scaduto. Si iscriva di nuovo dalla pagina di stato.",
    statusPage: "Vai alla pagina di stato",
  },
  "zh-cn": {
    confirmTitle: "确认订阅",
    confirmLead: "{service} 出现故障时，您将收到邮件。",
    confirmButton: "确认订阅",
    confirmedTitle: "订阅成功",
    confirmedLead: "{service} 每次出现故障时您都会收到邮件。每封邮件都附有退订链接。",
    unsubscribeTitle: "退订故障通知邮件",
    unsubscribeLead: "不再接收 {service} 的故障通知邮件。",
    unsubscribeButton: "退订",
    unsubscribedTitle: "已退订",
    unsubscribedLead: "您将不再收到我们的故障通知邮件。",
    invalidTitle: "此链接无效",
    invalidLead: "链接可能不完整、被修改或已过期。请在状态页面重新订阅。",
    statusPage: "前往状态页面",
  },
};

export const fillService = (text: string, service: string) => text.replace("{service}", service);

/** A page of its own: a title, a line, and a button or a way back to the status page. */
export function SubscriptionPage(props: {
  locale: Locale;
  title: string;
  lead: string;
  statusUrl: string;
  children?: Child;
}) {
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
      </head>
      <body>
        <main>
          <h1>{props.title}</h1>
          <p>{props.lead}</p>
          {props.children}
          <p>
            <a href={props.statusUrl}>{pageWords[props.locale].statusPage}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** One button that POSTs to the link's own address (which also takes RFC 8058's one-click POST). */
export function ActionForm(props: { action: string; label: string }) {
  return (
    <form method="post" action={props.action}>
      <button type="submit">{props.label}</button>
    </form>
  );
}
