import type { StaffContext } from "../../platform/app-env.ts";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  keptValues,
  readForm,
} from "../../platform/console/forms.ts";
import { CsrfInput, ErrorSummary, Field } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { addCustomer } from "./add-customer.ts";
import { parseNewCustomer } from "./customer-input.ts";
import { findCustomers } from "./customers.use-cases.ts";

type Customer = Awaited<ReturnType<typeof findCustomers>>[number];

export const customerLabels = {
  organisation: "Organisation",
  tenantDomain: "Tenant domain",
  contactName: "Contact name",
  contactEmail: "Contact email",
  contactPhone: "Contact phone",
  contacts: "Contacts",
};

function CustomersTable({ customers }: { customers: Customer[] }) {
  return (
    <div class="table-wrap">
      <table class="cards" id="customers">
        <caption>Customers by organisation</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Tenant domain</th>
            <th scope="col">Contacts</th>
            <th scope="col">Subscriptions</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr>
              <th scope="row" data-label="Organisation">
                <a href={`/admin/customers/${customer.id}`}>{customer.organisation}</a>
              </th>
              <td data-label="Tenant domain" class="mono">
                {customer.tenantDomain ?? "—"}
              </td>
              <td data-label="Contacts">
                {customer.contacts.map((c) => c.name).join(", ") || "—"}
              </td>
              <td data-label="Subscriptions">{customer.subscriptions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CustomersPage(props: {
  customers: Customer[];
  query: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const { values, errors } = props;
  return (
    <>
      <h1>Customers</h1>
      <ErrorSummary errors={errors} labels={customerLabels} />
      <form method="get" action="/admin/customers" class="filters" aria-label="Search customers">
        <Field
          label="Search"
          name="q"
          type="search"
          hint="Organisation name or tenant domain"
          value={props.query}
        />
        <div>
          <button type="submit">Search</button>
        </div>
      </form>
      {props.customers.length ? (
        <CustomersTable customers={props.customers} />
      ) : (
        <p>{props.query ? "No customers match." : "No customers yet."}</p>
      )}
      <h2 id="add-customer">Add a customer</h2>
      <form
        id="customer-create"
        method="post"
        action="/admin/customers"
        class="stack"
        novalidate
        aria-labelledby="add-customer"
      >
        <CsrfInput />
        <Field
          label={customerLabels.organisation}
          name="organisation"
          autocomplete="organization"
          maxlength={200}
          value={values.organisation}
          error={errors.organisation}
          required
        />
        <Field
          label={customerLabels.tenantDomain}
          name="tenantDomain"
          autocomplete="off"
          spellcheck={false}
          hint="Optional. Requests from this domain are matched to the customer, e.g. contoso.example"
          value={values.tenantDomain}
          error={errors.tenantDomain}
        />
        <Field
          label={customerLabels.contactName}
          name="contactName"
          autocomplete="off"
          hint="Optional: the customer's main contact."
          value={values.contactName}
          error={errors.contactName}
        />
        <Field
          label={customerLabels.contactEmail}
          name="contactEmail"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={values.contactEmail}
          error={errors.contactEmail}
        />
        <Field
          label={customerLabels.contactPhone}
          name="contactPhone"
          autocomplete="off"
          value={values.contactPhone}
          error={errors.contactPhone}
        />
        <div>
          <button type="submit">Add customer</button>
        </div>
      </form>
    </>
  );
}

async function render(
  c: StaffContext,
  deps: AppDeps,
  form: { values?: FormValues; errors?: FormErrors } = {},
  status = 200,
) {
  const query = (c.req.query("q") ?? "").slice(0, 200);
  c.status(status as 200);
  return c.render(
    <CustomersPage
      customers={await findCustomers(deps, query)}
      query={query}
      values={form.values ?? {}}
      errors={form.errors ?? {}}
    />,
    { title: "Customers" },
  );
}

export const showCustomers = (deps: AppDeps) => (c: StaffContext) => render(c, deps);

export function submitNewCustomer(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = await readForm(c);
    const kept = keptValues(values);
    const parsed = parseNewCustomer(values);
    if (!parsed.ok) return render(c, deps, { values: kept, errors: parsed.errors }, 422);
    try {
      const created = await addCustomer(deps, parsed.data, c.var.actor);
      return c.redirect(`/admin/customers/${created.id}?notice=customer-created`, 303);
    } catch (error) {
      return render(c, deps, { values: kept, errors: errorsFromProblem(error) }, 409);
    }
  };
}
