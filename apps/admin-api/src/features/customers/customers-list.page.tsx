import type { StaffContext } from "../../platform/app-env.ts";
import { FilterForm, PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  formFields,
  keptValues,
  readForm,
} from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field } from "../../platform/console/ui.tsx";
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

const columns = ["Organisation", "Tenant domain", "Contacts", "Subscriptions"];

function CustomersTable({ customers }: { customers: Customer[] }) {
  return (
    <CardTable id="customers" caption="Customers by organisation" columns={columns}>
      {customers.map((customer) => (
        <tr>
          <th scope="row" data-label="Organisation">
            <a href={`/admin/customers/${customer.id}`}>{customer.organisation}</a>
          </th>
          <td data-label="Tenant domain" class="mono">
            {customer.tenantDomain ?? "—"}
          </td>
          <td data-label="Contacts">{customer.contacts.map((c) => c.name).join(", ") || "—"}</td>
          <td data-label="Subscriptions">{customer.subscriptions}</td>
        </tr>
      ))}
    </CardTable>
  );
}

function CustomersPage(props: {
  customers: Customer[];
  query: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const field = formFields(props.values, props.errors);
  return (
    <>
      <h1>Customers</h1>
      <ErrorSummary errors={props.errors} labels={customerLabels} />
      <FilterForm action="/admin/customers" label="Search customers">
        <Field
          label="Search"
          name="q"
          type="search"
          hint="Organisation name or tenant domain"
          value={props.query}
        />
        <Submit>Search</Submit>
      </FilterForm>
      {props.customers.length ? (
        <CustomersTable customers={props.customers} />
      ) : (
        <p>{props.query ? "No customers match." : "No customers yet."}</p>
      )}
      <h2 id="add-customer">Add a customer</h2>
      <PostForm id="customer-create" action="/admin/customers" labelledBy="add-customer">
        <Field
          label={customerLabels.organisation}
          {...field("organisation")}
          autocomplete="organization"
          maxlength={200}
          required
        />
        <Field
          label={customerLabels.tenantDomain}
          {...field("tenantDomain")}
          autocomplete="off"
          spellcheck={false}
          hint="Optional. Requests from this domain are matched to the customer, e.g. contoso.example"
        />
        <Field
          label={customerLabels.contactName}
          {...field("contactName")}
          autocomplete="off"
          hint="Optional: the customer's main contact."
        />
        <Field
          label={customerLabels.contactEmail}
          {...field("contactEmail")}
          type="email"
          autocomplete="off"
          spellcheck={false}
        />
        <Field label={customerLabels.contactPhone} {...field("contactPhone")} autocomplete="off" />
        <Submit>Add customer</Submit>
      </PostForm>
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
