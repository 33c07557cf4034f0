import {
  type CustomerInput,
  customerSchema,
  type Service,
  type SubscriptionInput,
  subscriptionSchema,
  subscriptionStatuses,
} from "@frontline/core";
import type { CustomerRow } from "@frontline/db";
import type { FormErrors, FormValues, Parsed } from "../../platform/console/forms.ts";
import { formErrors } from "../../platform/console/forms.ts";
import { fieldErrorsFromZod } from "../../platform/problem.ts";

/**
 * The console's forms are checked with the API's own schemas; only the
 * messages are reworded for people, per field, since the schema's are
 * written for programmers ("Too small: expected string…").
 */
const friendly: Record<string, string> = {
  organisation: "Enter the organisation's name, 2 to 200 characters.",
  contactName: "Enter the contact's name.",
  contactEmail: "Enter an email address like name@example.com.",
  contactPhone: "Use at most 40 characters.",
  seats: "Enter a whole number of seats from 1 to 1,000,000.",
  status: "Choose a status from the list.",
  renewalDate: "Enter the renewal date.",
  service: "Choose a service from the list.",
  delegatedAccessUntil: "Enter the day the delegated admin access ends, or leave it empty.",
  operatorReference: "Use at most 100 characters.",
};

const keepSchemaMessage = new Set(["tenantDomain"]);

function reworded(errors: FormErrors): FormErrors {
  const result: FormErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    result[field] = keepSchemaMessage.has(field) ? message : (friendly[field] ?? message);
  }
  return result;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value : null);

/** Maps the schema's `contacts.0.email` onto the create form's single contact fields. */
const contactField: Record<string, string> = {
  name: "contactName",
  email: "contactEmail",
  phone: "contactPhone",
};

export function parseNewCustomer(values: FormValues): Parsed<CustomerInput> {
  const contact = {
    name: values.contactName ?? "",
    email: (values.contactEmail ?? "").trim(),
    ...(values.contactPhone?.trim() ? { phone: values.contactPhone } : {}),
  };
  const hasContact = Boolean(contact.name.trim() || contact.email || contact.phone);
  const result = customerSchema.safeParse({
    organisation: values.organisation ?? "",
    tenantDomain: blankToNull(values.tenantDomain),
    contacts: hasContact ? [contact] : [],
  });
  if (result.success) return { ok: true, data: result.data };
  const fields = fieldErrorsFromZod(result.error).map((e) => {
    const match = /^contacts\.0\.(\w+)$/.exec(e.field);
    return match?.[1] ? { ...e, field: contactField[match[1]] ?? e.field } : e;
  });
  return { ok: false, errors: reworded(formErrors(fields)) };
}

const contactLine = /^(.+?)\s*<([^<>\s]+)>\s*(?:,\s*(.*))?$/;

/** "Name <email>, phone" per line, as the edit form shows the contacts. */
export const contactsText = (contacts: CustomerRow["contacts"]) =>
  contacts.map((c) => `${c.name} <${c.email}>${c.phone ? `, ${c.phone}` : ""}`).join("\n");

export function parseCustomerChange(values: FormValues): Parsed<CustomerInput> {
  const lines = (values.contacts ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const contacts = [];
  for (const [index, line] of lines.entries()) {
    const match = contactLine.exec(line);
    if (!match) {
      const message = `Line ${index + 1}: write each contact as Name <email>, phone.`;
      return { ok: false, errors: { contacts: message } };
    }
    const phone = match[3]?.trim();
    contacts.push({ name: match[1] ?? "", email: match[2] ?? "", ...(phone ? { phone } : {}) });
  }
  const until = (values.delegatedAccessUntil ?? "").trim();
  if (until && !/^\d{4}-\d{2}-\d{2}$/.test(until)) {
    return { ok: false, errors: { delegatedAccessUntil: friendly.delegatedAccessUntil ?? "" } };
  }
  const result = customerSchema.safeParse({
    organisation: values.organisation ?? "",
    tenantDomain: blankToNull(values.tenantDomain),
    contacts,
    // The relationship ends at the end of its last day, UTC.
    delegatedAccessUntil: until ? `${until}T23:59:59.999Z` : null,
  });
  if (result.success) return { ok: true, data: result.data };
  const fields = fieldErrorsFromZod(result.error).map((e) => {
    const match = /^contacts\.(\d+)\.(\w+)$/.exec(e.field);
    if (!match) return e;
    const what = match[2] === "email" ? "the email address is not valid" : `check the ${match[2]}`;
    return { ...e, field: "contacts", message: `Line ${Number(match[1]) + 1}: ${what}.` };
  });
  const errors = formErrors(fields);
  const contactsError = errors.contacts;
  return {
    ok: false,
    errors: { ...reworded(errors), ...(contactsError ? { contacts: contactsError } : {}) },
  };
}

export const subscriptionStatusNames: Record<(typeof subscriptionStatuses)[number], string> = {
  active: "Active",
  suspended: "Suspended",
  cancelled: "Cancelled",
};
export const subscriptionStatusOptions = subscriptionStatuses.map((s) => ({
  value: s,
  label: subscriptionStatusNames[s],
}));

/** A subscription form: seats as a whole number, the renewal date as a UTC day. */
export function parseSubscription(
  values: FormValues,
  services: readonly Service[] | null,
): Parsed<SubscriptionInput> {
  const errors: FormErrors = {};
  const seatsText = (values.seats ?? "").trim();
  const day = (values.renewalDate ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.renewalDate = friendly.renewalDate ?? "";
  if (services && !services.some((s) => s.id === values.service)) {
    errors.service = friendly.service ?? "";
  }
  const result = subscriptionSchema.safeParse({
    // Updates keep the subscription's service; the schema still wants one.
    service: services ? (values.service ?? "") : "unchanged",
    seats: /^\d+$/.test(seatsText) ? Number(seatsText) : Number.NaN,
    status: values.status ?? "",
    renewalDate: errors.renewalDate ? undefined : `${day}T00:00:00Z`,
    operatorReference: blankToNull(values.operatorReference),
  });
  const schemaErrors = result.success ? {} : reworded(formErrors(fieldErrorsFromZod(result.error)));
  const all = { ...schemaErrors, ...errors };
  if (!result.success || Object.keys(all).length) return { ok: false, errors: all };
  return { ok: true, data: result.data };
}

/** A renewal date as the date field shows it. */
export const dayText = (date: Date) => new Date(date).toISOString().slice(0, 10);
