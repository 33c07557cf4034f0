import type { SubscriptionRow } from "@frontline/db";
import { type FormErrors, type FormValues, formFields } from "../../platform/console/forms.ts";
import { CsrfInput, Field, SelectField } from "../../platform/console/ui.tsx";
import { serviceName } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { dayText, subscriptionStatusNames, subscriptionStatusOptions } from "./customer-input.ts";

/** "customer", "add-subscription" or "subscription-<id>": the form whose input and errors show. */
export interface FormState {
  readonly form: string;
  readonly values: FormValues;
  readonly errors: FormErrors;
}

/** Each form's fields get their own ids, since the subscription forms repeat the same names. */
export const idIn = (form: string, name: string) =>
  form === "customer" ? `field-${name}` : `${form}-${name}`;

export function SubscriptionFields(props: {
  form: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const field = formFields(props.values, props.errors, (name) => idIn(props.form, name));
  return (
    <>
      <Field label="Seats" {...field("seats")} type="number" required />
      <SelectField label="Status" {...field("status")} options={subscriptionStatusOptions} />
      <Field label="Renewal date" {...field("renewalDate")} type="date" required />
      <Field
        label="Operator's subscription id"
        {...field("operatorReference")}
        spellcheck={false}
        hint="Optional; admin portal addresses with {subscription} need it."
      />
    </>
  );
}

export function SubscriptionRowView(props: {
  customerId: number;
  sub: SubscriptionRow;
  state: FormState | undefined;
  deps: AppDeps;
}) {
  const { sub } = props;
  const form = `subscription-${sub.id}`;
  const own = props.state?.form === form ? props.state : undefined;
  const service = serviceName(props.deps.config.services, sub.service);
  const values = own?.values ?? {
    seats: String(sub.seats),
    status: sub.status,
    renewalDate: dayText(sub.renewalDate),
    operatorReference: sub.operatorReference ?? "",
  };
  return (
    <tr>
      <th scope="row" data-label="Service">
        {service}
      </th>
      <td data-label="Seats">{sub.seats}</td>
      <td data-label="Status">{subscriptionStatusNames[sub.status]}</td>
      <td data-label="Renewal date">{dayText(sub.renewalDate)}</td>
      <td data-label="Change">
        <form
          id={form}
          method="post"
          action={`/admin/customers/${props.customerId}/subscriptions/${sub.id}`}
          class="inline-form"
          novalidate
          aria-label={`Change the ${service} subscription`}
        >
          <CsrfInput />
          <SubscriptionFields form={form} values={values} errors={own?.errors ?? {}} />
          <button type="submit" class="secondary">
            Save<span class="visually-hidden"> the {service} subscription</span>
          </button>
        </form>
      </td>
    </tr>
  );
}
