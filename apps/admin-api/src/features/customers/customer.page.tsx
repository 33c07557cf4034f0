import type { StaffContext } from "../../platform/app-env.ts";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  formFields,
  keptValues,
  pathId,
  readForm,
} from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field, SelectField, TextAreaField } from "../../platform/console/ui.tsx";
import { serviceOptions } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { problems } from "../../platform/problems.ts";
import { type ActingOnBehalf, ActingOnBehalfSection } from "../admin-portals/acting-on-behalf.tsx";
import { actingOnBehalf } from "../admin-portals/admin-portals.use-cases.ts";
import { changeCustomer } from "./change-customer.ts";
import { changeSubscription } from "./change-subscription.ts";
import { contactsText, dayText, parseCustomerChange, parseSubscription } from "./customer-input.ts";
import { customerWithSubscriptions } from "./customers.use-cases.ts";
import { customerLabels } from "./customers-list.page.tsx";
import { subscribe } from "./subscribe.ts";
import {
  type FormState,
  idIn,
  SubscriptionFields,
  SubscriptionRowView,
} from "./subscription-forms.tsx";

type Customer = Awaited<ReturnType<typeof customerWithSubscriptions>>;

const labels: Record<string, string> = {
  ...customerLabels,
  service: "Service",
  seats: "Seats",
  status: "Status",
  renewalDate: "Renewal date",
  delegatedAccessUntil: "Delegated admin access until",
  operatorReference: "Operator's subscription id",
};

/** The customer's organisation, tenant domain and contacts, with the input kept after a refusal. */
function DetailsForm({ customer, state }: { customer: Customer; state?: FormState }) {
  const edit = state?.form === "customer" ? state : undefined;
  const editValues = edit?.values ?? {
    organisation: customer.organisation,
    tenantDomain: customer.tenantDomain ?? "",
    contacts: contactsText(customer.contacts),
    delegatedAccessUntil: customer.delegatedAccessUntil
      ? dayText(customer.delegatedAccessUntil)
      : "",
  };
  const editField = formFields(editValues, edit?.errors ?? {});
  return (
    <PostForm
      id="customer-edit"
      action={`/admin/customers/${customer.id}`}
      labelledBy="edit-customer"
    >
      <Field
        label={labels.organisation ?? ""}
        {...editField("organisation")}
        autocomplete="organization"
        maxlength={200}
        required
      />
      <Field
        label={labels.tenantDomain ?? ""}
        {...editField("tenantDomain")}
        autocomplete="off"
        spellcheck={false}
        hint="Requests from this domain are matched to the customer. Leave empty for none."
      />
      <TextAreaField
        label={labels.contacts ?? ""}
        {...editField("contacts")}
        rows={4}
        hint="One per line: Name <email>, phone (the phone is optional)."
      />
      <Field
        label={labels.delegatedAccessUntil ?? ""}
        {...editField("delegatedAccessUntil")}
        type="date"
        hint="The last day of the partner's delegated admin relationship, as the operator shows it. Empty: none granted."
      />
      <Submit>Save customer</Submit>
    </PostForm>
  );
}

/** Every subscription with its own change form. */
function Subscriptions(props: { customer: Customer; state?: FormState; deps: AppDeps }) {
  const { customer, state, deps } = props;
  if (!customer.subscriptions.length) return <p>No subscriptions yet.</p>;
  return (
    <CardTable
      id="subscriptions"
      caption={<>Subscriptions of {customer.organisation}</>}
      columns={["Service", "Seats", "Status", "Renewal date", "Change"]}
    >
      {customer.subscriptions.map((sub) => (
        <SubscriptionRowView customerId={customer.id} sub={sub} state={state} deps={deps} />
      ))}
    </CardTable>
  );
}

function AddSubscriptionForm(props: { customer: Customer; state?: FormState; deps: AppDeps }) {
  const { customer, state, deps } = props;
  const add = state?.form === "add-subscription" ? state : undefined;
  const addValues = add?.values ?? { status: "active" };
  const addErrors = add?.errors ?? {};
  const addField = formFields(addValues, addErrors, (name) => idIn("add-subscription", name));
  return (
    <PostForm
      id="subscription-add"
      action={`/admin/customers/${customer.id}/subscriptions`}
      labelledBy="add-subscription"
    >
      <SelectField
        label="Service"
        {...addField("service")}
        options={serviceOptions(deps.config.services)}
      />
      <SubscriptionFields form="add-subscription" values={addValues} errors={addErrors} />
      <Submit>Add subscription</Submit>
    </PostForm>
  );
}

function CustomerPage(props: {
  customer: Customer;
  acting: ActingOnBehalf;
  state?: FormState;
  deps: AppDeps;
}) {
  const { customer, state } = props;
  const errors = state?.errors ?? {};
  const ids = Object.fromEntries(Object.keys(errors).map((k) => [k, idIn(state?.form ?? "", k)]));
  return (
    <>
      <p>
        <a href="/admin/customers">All customers</a>
      </p>
      <h1>{customer.organisation}</h1>
      <ErrorSummary errors={errors} labels={labels} ids={ids} />
      <ActingOnBehalfSection organisation={customer.organisation} acting={props.acting} />
      <h2 id="edit-customer">Details and contacts</h2>
      <DetailsForm {...props} />
      <h2>Subscriptions</h2>
      <Subscriptions {...props} />
      <h2 id="add-subscription">Add a subscription</h2>
      <AddSubscriptionForm {...props} />
    </>
  );
}

async function render(c: StaffContext, deps: AppDeps, id: number, state?: FormState, status = 200) {
  const customer = await customerWithSubscriptions(deps, id);
  const acting = await actingOnBehalf(deps, customer);
  c.status(status as 200);
  return c.render(
    <CustomerPage customer={customer} acting={acting} deps={deps} {...(state ? { state } : {})} />,
    { title: customer.organisation },
  );
}

export const showCustomer = (deps: AppDeps) => (c: StaffContext) =>
  render(c, deps, pathId(c, "id"));

/** Shared by the three forms: validate, write, redirect, or re-render with the input kept. */
async function handle(
  c: StaffContext,
  deps: AppDeps,
  form: string,
  parse: (
    values: FormValues,
  ) => { ok: true; write: () => Promise<unknown> } | { ok: false; errors: FormErrors },
  notice: string,
) {
  const id = pathId(c, "id");
  const values = await readForm(c);
  const kept = keptValues(values);
  const parsed = parse(values);
  if (!parsed.ok) return render(c, deps, id, { form, values: kept, errors: parsed.errors }, 422);
  try {
    await parsed.write();
  } catch (error) {
    if (error instanceof Problem && error.status === 404) throw error;
    return render(c, deps, id, { form, values: kept, errors: errorsFromProblem(error) }, 409);
  }
  return c.redirect(`/admin/customers/${id}?notice=${notice}`, 303);
}

export const submitCustomerChange = (deps: AppDeps) => (c: StaffContext) =>
  handle(
    c,
    deps,
    "customer",
    (values) => {
      const parsed = parseCustomerChange(values);
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        write: () => changeCustomer(deps, pathId(c, "id"), parsed.data, c.var.actor),
      };
    },
    "customer-updated",
  );

export const submitNewSubscription = (deps: AppDeps) => (c: StaffContext) =>
  handle(
    c,
    deps,
    "add-subscription",
    (values) => {
      const parsed = parseSubscription(values, deps.config.services);
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        write: () => subscribe(deps, pathId(c, "id"), parsed.data, c.var.actor),
      };
    },
    "subscription-added",
  );

/** The subscription must belong to the customer in the address, so a crafted form cannot reach another's. */
export const submitSubscriptionChange = (deps: AppDeps) => async (c: StaffContext) => {
  const customer = await customerWithSubscriptions(deps, pathId(c, "id"));
  const subscriptionId = pathId(c, "subscriptionId");
  if (!customer.subscriptions.some((s) => s.id === subscriptionId)) {
    throw problems.notFound("There is no such subscription for this customer.");
  }
  return handle(
    c,
    deps,
    `subscription-${subscriptionId}`,
    (values) => {
      const parsed = parseSubscription(values, null);
      if (!parsed.ok) return parsed;
      const { service: _unchanged, ...change } = parsed.data;
      return {
        ok: true,
        write: () => changeSubscription(deps, subscriptionId, change, c.var.actor),
      };
    },
    "subscription-updated",
  );
};
