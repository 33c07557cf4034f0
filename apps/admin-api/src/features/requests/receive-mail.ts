import {
  attachmentLimits,
  candidateTenantDomains,
  isLocale,
  type Locale,
  messageSchema,
  supportRequestLimits,
} from "@frontline/core";
import { findCustomerByTenant, getRequestByNumber, subscriptionsOf } from "@frontline/db";
import EmailReplyParser from "email-reply-parser";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { readRecipient } from "../../platform/reply-address.ts";
import { uploadFile } from "../attachments/upload-file.ts";
import { fileRequest } from "./file-request.ts";
import { replyAsCustomer } from "./reply-as-customer.ts";

/** An email as the inbound SMTP server received it, parsed; nothing here depends on the parser. */
export interface InboundMail {
  /** MAIL FROM of the envelope; empty for bounces. */
  readonly envelopeFrom: string;
  /** RCPT TO of the envelope: where it was really sent. */
  readonly recipients: readonly string[];
  readonly from: { readonly address: string; readonly name: string } | null;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string | null;
  /** Header names in lower case. */
  readonly header: (name: string) => string | undefined;
  readonly attachments: readonly { readonly name: string; readonly content: Buffer }[];
}

export type MailOutcome =
  | { readonly kind: "added"; readonly number: string }
  | { readonly kind: "filed"; readonly number: string }
  /** Taken and dropped on purpose: an auto-reply, a bounce, our own mail coming back. */
  | { readonly kind: "ignored"; readonly reason: string }
  /** Said back to the sender as a bounce, in words they can act on. */
  | { readonly kind: "refused"; readonly reason: string };

/**
 * Mail no person wrote, which must never get an answer: auto-replies
 * (RFC 3834 Auto-Submitted, Precedence, vendors' X- headers), bounces (an
 * empty envelope sender) and our own notifications coming back.
 */
function automatic(mail: InboundMail, supportAddress: string): string | null {
  if (!mail.envelopeFrom) return "a bounce (empty envelope sender)";
  const submitted = mail.header("auto-submitted")?.toLowerCase();
  if (submitted && submitted !== "no") return `Auto-Submitted: ${submitted}`;
  const precedence = mail.header("precedence")?.toLowerCase();
  if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) {
    return `Precedence: ${precedence}`;
  }
  if (mail.header("x-autoreply") || mail.header("x-autorespond")) return "an auto-reply header";
  if (/^<outbox-\d+\.\d+@/.test(mail.messageId ?? "")) return "our own notification";
  const from = mail.from?.address.toLowerCase() ?? "";
  const [local, domain] = supportAddress.split("@");
  if (from === supportAddress || (from.endsWith(`@${domain}`) && from.startsWith(`${local}+`))) {
    return "sent from the support address itself";
  }
  return null;
}

/** What the person wrote, without the quoted history and the signature. */
function newText(text: string): string {
  return new EmailReplyParser().parseReply(text.replace(/\r\n/g, "\n")).trim();
}

/** Keeps the files the desk accepts; the others are named in the message, so nobody wonders where they went. */
async function keepFiles(deps: AppDeps, files: InboundMail["attachments"]) {
  const tokens: string[] = [];
  const notKept: string[] = [];
  for (const file of files) {
    if (tokens.length >= attachmentLimits.messageFiles) {
      notKept.push(`${file.name}: more than ${attachmentLimits.messageFiles} files in one message`);
      continue;
    }
    try {
      const uploaded = await uploadFile(deps, {
        name: file.name,
        body: new Blob([file.content]).stream(),
        uploadedBy: "customer",
      });
      tokens.push(uploaded.token);
    } catch (error) {
      if (!(error instanceof Problem) || error.status >= 500) throw error;
      notKept.push(`${file.name}: ${error.title}`);
    }
  }
  return { tokens, notKept };
}

/** The text of the message, with a line for files that were not kept. */
function messageBody(text: string, kept: number, notKept: readonly string[]): string {
  const parts = [text || (kept > 0 ? "(Files sent by email.)" : "")];
  if (notKept.length) parts.push(`(Files not kept: ${notKept.join("; ")}.)`);
  return parts.filter(Boolean).join("\n\n");
}

async function replyOnRequest(
  deps: AppDeps,
  mail: InboundMail,
  number: string,
): Promise<MailOutcome> {
  const row = await getRequestByNumber(deps.db, number);
  if (!row) return { kind: "refused", reason: "This request does not exist any more." };
  const files = await keepFiles(deps, mail.attachments);
  const body = messageBody(newText(mail.text), files.tokens.length, files.notKept);
  const checked = messageSchema.safeParse({ body, attachments: files.tokens });
  if (!checked.success) {
    return {
      kind: "refused",
      reason: body
        ? "The message is too long for a reply: send the details as a file, or write on the tracking page."
        : "The email had no text. Write your reply above the quoted message.",
    };
  }
  try {
    await replyAsCustomer(deps, row, { body, attachments: files.tokens });
  } catch (error) {
    if (error instanceof Problem && error.status < 500) {
      return { kind: "refused", reason: `${error.title}. ${error.detail ?? ""}`.trim() };
    }
    throw error;
  }
  return { kind: "added", number };
}

/** The customer's language from the mail's own headers, else English. */
function localeOf(mail: InboundMail): Locale {
  const tag = (mail.header("content-language") ?? mail.header("accept-language") ?? "")
    .split(/[,;]/)[0]
    ?.trim()
    .toLowerCase();
  if (tag && isLocale(tag)) return tag;
  const primary = tag?.split("-")[0] ?? "";
  return isLocale(primary) ? primary : "en";
}

/** A new request from an email to the support address, for customers the desk knows. */
async function newRequest(deps: AppDeps, mail: InboundMail): Promise<MailOutcome> {
  const from = mail.from;
  const customer = from
    ? await findCustomerByTenant(deps.db, candidateTenantDomains("", from.address))
    : null;
  const contactForm = `${deps.config.publicUrl}/en/contact/`;
  if (!from || !customer) {
    return {
      kind: "refused",
      reason: `Requests by email are for our customers' registered domains. Please use the contact form: ${contactForm}`,
    };
  }
  const files = await keepFiles(deps, mail.attachments);
  const text = messageBody(newText(mail.text), files.tokens.length, files.notKept);
  const l = supportRequestLimits;
  const subject = mail.subject.trim().slice(0, l.subject.max);
  const [subscription] = await subscriptionsOf(deps.db, customer.id);
  const service =
    deps.config.services.find((s) => s.id === subscription?.service)?.id ??
    deps.config.services[0]?.id ??
    "";
  const input = {
    locale: localeOf(mail),
    category: "how-to" as const,
    service,
    severity: "C" as const,
    subject: subject.length >= l.subject.min ? subject : `Email: ${subject || "no subject"}`,
    // The form asks for a description of some length; a short email says who sent it too.
    description:
      text.length >= l.description.min
        ? text
        : `${text}\n\n(Sent by email from ${from.address}.)`.trim(),
    organisation: customer.organisation,
    name: from.name.trim() || from.address.split("@")[0] || from.address,
    email: from.address,
    suggestedArticles: [],
    openedArticles: [],
    ...(files.tokens.length ? { attachments: files.tokens } : {}),
  };
  try {
    const filed = await fileRequest(deps, input);
    return { kind: "filed", number: filed.number };
  } catch (error) {
    if (error instanceof Problem && error.status < 500) {
      return {
        kind: "refused",
        reason: `The email could not become a request (${error.detail ?? error.title}). Please use the contact form: ${contactForm}`,
      };
    }
    throw error;
  }
}

/**
 * An email to the desk: a reply on a request's own reply address lands on
 * its timeline (as the tracking page's reply would), a new email to the
 * support address from a known customer opens a request, and mail no person
 * wrote is dropped without an answer.
 */
export async function receiveMail(deps: AppDeps, mail: InboundMail): Promise<MailOutcome> {
  const support = deps.config.supportAddress;
  if (!support) return { kind: "refused", reason: "This desk does not read email." };
  const auto = automatic(mail, support);
  if (auto) return { kind: "ignored", reason: auto };
  const targets = mail.recipients.map((to) =>
    readRecipient(deps.config.accessLinkSecret, support, to),
  );
  const reply = targets.find((t) => t.kind === "reply");
  if (reply?.kind === "reply") return replyOnRequest(deps, mail, reply.number);
  if (targets.some((t) => t.kind === "support")) return newRequest(deps, mail);
  return { kind: "refused", reason: "There is no such mailbox here." };
}
