/**
 * The words of seeded requests: subjects per category, descriptions,
 * partners' replies, customers' messages and internal notes, with their
 * {slots} filled from the seed's generator.
 */
import type { CategoryId } from "@frontline/core";
import { pseudoWord } from "./names.ts";
import type { Random } from "./random.ts";

const clients = [
  "Outlook",
  "the Teams client",
  "the sync client",
  "the browser",
  "the mobile app",
  "the desktop apps",
  "the VPN client",
  "Excel",
  "Word",
];
const errorCodes = [
  "0x8004010F",
  "0x80070005",
  "0x800CCC0E",
  "403",
  "500",
  "AUTH-17",
  "SYNC-409",
  "CERT-2",
  "timeout",
];
const departments = [
  "finance",
  "sales",
  "the warehouse",
  "HR",
  "engineering",
  "the branch office",
  "reception",
  "management",
];

const subjects: Record<CategoryId, readonly string[]> = {
  "account-setup": [
    "Activation email never arrived for {dept}",
    "Cannot finish sign-up for the new subscription",
    "Administrator account for {dept} is not activated",
    "Domain verification fails during set-up",
    "Multi-factor sign-in cannot be set up on {client}",
  ],
  billing: [
    "Invoice shows seats we cancelled",
    "Question about the charge on this month's invoice",
    "Payment failed although the card is valid",
    "Please add 25 seats to our subscription",
    "Renewal date on the invoice looks wrong",
  ],
  "how-to": [
    "How do I share a calendar with {dept}?",
    "How can we set up a shared mailbox?",
    "How do I move files to a team site?",
    "Where can I see the service health?",
    "How do we add a delegated administrator?",
  ],
  updates: [
    "{client} stopped working after the latest update",
    "When is the next planned maintenance?",
    "New version of {client} breaks our add-in",
    "Update fails with error {error}",
  ],
  configuration: [
    "Mail for our domain goes to spam",
    "Password prompts keep coming back in {client}",
    "Retention policy does not apply to {dept}",
    "Wrong time zone on all meeting invitations",
    "Forwarding rule is ignored for {dept}",
  ],
  connectivity: [
    "{client} cannot connect through the proxy",
    "Cannot reach the service from the branch office",
    "VPN drops every few minutes",
    "{client} shows error {error} when connecting",
    "Certificate warning when opening {client}",
  ],
  performance: [
    "File sync is extremely slow for {dept}",
    "Virtual machine is slow since this morning",
    "Online meetings freeze for everyone in {dept}",
    "Mail takes hours to arrive",
    "{client} is very slow to open large files",
  ],
};

const descriptionOpeners = [
  "Since this morning {client} shows error {error} for several people in {dept}.",
  "We noticed the problem yesterday afternoon and it has got worse since.",
  "About {n} users are affected, mostly in {dept}.",
  "It started right after we changed the settings for {dept}.",
  "Our {asset} workstation is the first one that showed it.",
  "The problem only happens on {client}; the web version works.",
];
const descriptionDetails = [
  "We already restarted the computers and signed out and in again.",
  "Clearing the cache did not help.",
  "The service health page showed everything as operational when we looked.",
  "We followed the help article but the steps did not change anything.",
  "The error message says {error} and nothing else.",
  "Other offices on the same tenant do not see this.",
  "This blocks the monthly closing for {dept}, please treat it with priority.",
  "Project {asset} depends on this, so we need an answer soon.",
];

const replies = [
  "Thank you for the details. We checked the service health for {service} and it is operational; could you send us a screenshot of the error?",
  "We reproduced the issue and applied a fix on your tenant. Please sign out of {client} and sign in again.",
  "This is caused by a known problem after the latest update. A workaround is to reinstall {client}; the permanent fix is rolling out.",
  "We have adjusted the settings for {dept}. Please let us know if the problem is gone.",
  "Could you tell us the exact time the error {error} appeared and the name of one affected user?",
  "The invoice has been corrected and the credit will show on your next statement.",
  "We have raised this with the operator and will update you as soon as we hear back.",
];
const customerMessages = [
  "Thanks, here is the screenshot you asked for. It still shows {error}.",
  "It happened again at 10:15 for two people in {dept}.",
  "We tried what you suggested but {client} still fails.",
  "Any news? {dept} is still blocked.",
  "That fixed it on most machines, only the {asset} workstation still has the problem.",
];
const internalNotes = [
  "Checked service health: {service} operational at the time of the report.",
  "Customer has {n} seats; tenant settings look normal.",
  "Tried reproducing with a test account on {client}: no error.",
  "Looks like the same root cause as the {asset} case last week.",
  "Called the customer's admin; they confirm it affects {dept} only.",
  "Delegated admin access checked, the policy for {dept} was misconfigured.",
];

function fill(template: string, random: Random, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (slots[name]) return slots[name];
    switch (name) {
      case "client":
        return random.pick(clients);
      case "error":
        return random.pick(errorCodes);
      case "dept":
        return random.pick(departments);
      case "n":
        return String(random.int(2, 400));
      case "asset":
        return pseudoWord(random, 3);
      default:
        return name;
    }
  });
}

export interface TextContext {
  readonly service: string;
}

export function subjectFor(random: Random, category: CategoryId): string {
  return fill(random.pick(subjects[category]), random, {});
}

export function descriptionFor(random: Random): string {
  const parts = [random.pick(descriptionOpeners), random.pick(descriptionDetails)];
  if (random.chance(0.6)) parts.push(random.pick(descriptionDetails));
  return parts.map((p) => fill(p, random, {})).join(" ");
}

export const replyText = (random: Random, ctx: TextContext) =>
  fill(random.pick(replies), random, { service: ctx.service });
export const customerText = (random: Random) => fill(random.pick(customerMessages), random, {});
export const noteText = (random: Random, ctx: TextContext) =>
  fill(random.pick(internalNotes), random, { service: ctx.service });
