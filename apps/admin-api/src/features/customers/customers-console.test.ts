import {
  addSubscription,
  createCustomer,
  getCustomer,
  subscriptionsOf,
  tablesOf,
} from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { consoleTest, expectPage, expectRedirect } from "../../../test/console.ts";
import { type TestApp, testApp } from "../../../test/test-app.ts";

type Test = TestApp;

async function contoso(test: Test) {
  const customer = await createCustomer(
    test.db,
    {
      organisation: "Contoso Ltd",
      tenantDomain: "contoso.example",
      contacts: [{ name: "Li Wei", email: "li.wei@contoso.example", phone: "+86 10 1234" }],
    },
    test.clock.now(),
  );
  const subscription = await addSubscription(
    test.db,
    customer.id,
    { service: "mail", seats: 40, status: "active", renewalDate: new Date("2027-01-31T00:00:00Z") },
    test.clock.now(),
  );
  return { customer, subscription };
}

const fabrikam = {
  organisation: "Fabrikam",
  tenantDomain: "fabrikam.example",
  contactName: "Ana Rossi",
  contactEmail: "ana@fabrikam.example",
  contactPhone: "+39 02 555",
};

describe("the customers list", () => {
  it("shows admins and agents the customers with their subscription counts", async () => {
    const test = await testApp();
    const { customer } = await contoso(test);
    for (const role of ["admin", "agent"] as const) {
      const { browser } = await signedInBrowser(test.app, test.db, role);
      const response = await browser.get("/admin/customers");
      expect(response.status, role).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<a href="/admin/customers/${customer.id}">Contoso Ltd</a>`);
      expect(html).toContain('<td data-label="Subscriptions">1</td>');
      expect(html).toContain('id="customer-create"');
    }
  });

  it("searches by name or tenant domain", async () => {
    const { browser, ...test } = await consoleTest("agent");
    await contoso(test);
    expect(await (await browser.get("/admin/customers?q=contoso.ex")).text()).toContain(
      "Contoso Ltd",
    );
    const none = await (await browser.get("/admin/customers?q=northwind")).text();
    expect(none).toContain("No customers match.");
    expect(none).toContain('value="northwind"');
  });

  it("is refused to operators, and anonymous visitors sign in first", async () => {
    const { browser, ...test } = await consoleTest("operator");
    const { customer } = await contoso(test);
    for (const path of ["/admin/customers", `/admin/customers/${customer.id}`]) {
      expect((await browser.get(path)).status, path).toBe(403);
    }
    const post = await browser.submit("/admin/customers", fabrikam);
    expect(post.status).toBe(403);
    expect(await test.db.$count(tablesOf(test.db).customers)).toBe(1);
    const anonymous = await new TestBrowser(test.app).get(`/admin/customers/${customer.id}`);
    expect(anonymous.headers.get("location")).toBe(
      `/admin/sign-in?next=%2Fadmin%2Fcustomers%2F${customer.id}`,
    );
  });
});

describe("adding a customer", () => {
  it("stores the customer with its contact and opens its page", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const response = await browser.submit("/admin/customers", fabrikam);
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/admin\/customers\/\d+\?notice=customer-created$/);
    const id = Number(/customers\/(\d+)/.exec(location)?.[1]);
    expect(await getCustomer(test.db, id)).toMatchObject({
      organisation: "Fabrikam",
      tenantDomain: "fabrikam.example",
      contacts: [{ name: "Ana Rossi", email: "ana@fabrikam.example", phone: "+39 02 555" }],
    });
    const html = await (await browser.get(location)).text();
    expect(html).toContain("The customer is added.");
    expect(html).toContain("Ana Rossi &lt;ana@fabrikam.example&gt;, +39 02 555</textarea>");
  });

  it("puts a duplicate tenant domain's error next to that field, keeping the input", async () => {
    const { browser, ...test } = await consoleTest("admin");
    await contoso(test);
    const response = await browser.submit("/admin/customers", {
      ...fabrikam,
      tenantDomain: "contoso.example",
    });
    await expectPage(
      response,
      409,
      '<a href="#field-tenantDomain">Tenant domain: Another customer already has this tenant domain.</a>',
      'id="field-tenantDomain-error"',
      'value="Fabrikam"',
      'value="ana@fabrikam.example"',
    );
    expect(await test.db.$count(tablesOf(test.db).customers)).toBe(1);
  });

  it("explains invalid fields in words next to them", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const response = await browser.submit("/admin/customers", {
      organisation: "F",
      tenantDomain: "not a domain",
      contactName: "Ana",
      contactEmail: "ana-at-fabrikam",
      contactPhone: "",
    });
    await expectPage(
      response,
      422,
      "Organisation: Enter the organisation&#39;s name, 2 to 200 characters.",
      "Tenant domain: Use a domain like contoso.example",
      '<a href="#field-contactEmail">Contact email: Enter an email address',
    );
    expect(await test.db.$count(tablesOf(test.db).customers)).toBe(0);
  });
});

describe("a customer's page", () => {
  it("shows the details, contacts and subscriptions with their forms", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const { customer, subscription } = await contoso(test);
    const response = await browser.get(`/admin/customers/${customer.id}`);
    await expectPage(
      response,
      200,
      "<h1>Contoso Ltd</h1>",
      "Li Wei &lt;li.wei@contoso.example&gt;, +86 10 1234</textarea>",
      '<th scope="row" data-label="Service">Email and calendar</th>',
      `id="subscription-${subscription.id}-renewalDate"`,
      'value="2027-01-31"',
      'id="subscription-add"',
    );
    expect((await browser.get("/admin/customers/999")).status).toBe(404);
  });

  it("saves the details and the contacts, one per line", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const { customer } = await contoso(test);
    const response = await browser.submit(`/admin/customers/${customer.id}`, {
      organisation: "Contoso Group",
      tenantDomain: "",
      contacts: "Li Wei <li.wei@contoso.example>\r\n\r\nAna Rossi <ana@contoso.example>, +39 02 1",
    });
    expectRedirect(response, `/admin/customers/${customer.id}?notice=customer-updated`);
    expect(await getCustomer(test.db, customer.id)).toMatchObject({
      organisation: "Contoso Group",
      tenantDomain: null,
      contacts: [
        { name: "Li Wei", email: "li.wei@contoso.example" },
        { name: "Ana Rossi", email: "ana@contoso.example", phone: "+39 02 1" },
      ],
    });
  });

  it("says which contact line is wrong, and a taken tenant domain, keeping the input", async () => {
    const test = await testApp();
    const { customer } = await contoso(test);
    await createCustomer(
      test.db,
      { organisation: "Other", tenantDomain: "other.example", contacts: [] },
      test.clock.now(),
    );
    const { browser } = await signedInBrowser(test.app, test.db, "admin");
    const badLine = await browser.submit(`/admin/customers/${customer.id}`, {
      organisation: "Contoso Ltd",
      tenantDomain: "contoso.example",
      contacts: "Li Wei <li.wei@contoso.example>\nJust a name",
    });
    await expectPage(
      badLine,
      422,
      "Contacts: Line 2: write each contact as Name &lt;email&gt;, phone.",
      "Just a name</textarea>",
    );
    const taken = await browser.submit(`/admin/customers/${customer.id}`, {
      organisation: "Contoso Ltd",
      tenantDomain: "other.example",
      contacts: "",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('id="field-tenantDomain-error"');
    expect((await getCustomer(test.db, customer.id))?.tenantDomain).toBe("contoso.example");
  });
});

describe("subscriptions", () => {
  it("adds one and changes one", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const { customer, subscription } = await contoso(test);
    const added = await browser.submit(`/admin/customers/${customer.id}/subscriptions`, {
      service: "files",
      seats: "12",
      status: "active",
      renewalDate: "2027-06-30",
    });
    expectRedirect(added, `/admin/customers/${customer.id}?notice=subscription-added`);
    const changed = await browser.submit(
      `/admin/customers/${customer.id}/subscriptions/${subscription.id}`,
      { seats: "45", status: "suspended", renewalDate: "2027-02-28" },
    );
    expect(changed.status).toBe(303);
    expect(await subscriptionsOf(test.db, customer.id)).toMatchObject([
      {
        service: "files",
        seats: 12,
        status: "active",
        renewalDate: new Date("2027-06-30T00:00:00Z"),
      },
      {
        service: "mail",
        seats: 45,
        status: "suspended",
        renewalDate: new Date("2027-02-28T00:00:00Z"),
      },
    ]);
  });

  it("shows a row's mistakes next to that row's fields, keeping the input", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const { customer, subscription } = await contoso(test);
    const response = await browser.submit(
      `/admin/customers/${customer.id}/subscriptions/${subscription.id}`,
      { seats: "0", status: "active", renewalDate: "" },
    );
    await expectPage(
      response,
      422,
      `<a href="#subscription-${subscription.id}-seats">Seats: Enter a whole number`,
      `id="subscription-${subscription.id}-renewalDate-error"`,
      'value="0"',
    );
    const add = await browser.submit(`/admin/customers/${customer.id}/subscriptions`, {
      service: "teleport",
      seats: "3",
      status: "active",
      renewalDate: "2027-01-01",
    });
    expect(add.status).toBe(422);
    expect(await add.text()).toContain(
      '<a href="#add-subscription-service">Service: Choose a service',
    );
    expect((await subscriptionsOf(test.db, customer.id)).map((s) => s.seats)).toEqual([40]);
  });

  it("cannot reach another customer's subscription through this customer's address", async () => {
    const test = await testApp();
    const { customer, subscription } = await contoso(test);
    const other = await createCustomer(
      test.db,
      { organisation: "Other", tenantDomain: null, contacts: [] },
      test.clock.now(),
    );
    const { browser } = await signedInBrowser(test.app, test.db, "agent");
    const response = await browser.submit(
      `/admin/customers/${other.id}/subscriptions/${subscription.id}`,
      {
        seats: "1",
        status: "cancelled",
        renewalDate: "2027-01-01",
      },
    );
    expect(response.status).toBe(404);
    expect((await subscriptionsOf(test.db, customer.id))[0]?.status).toBe("active");
  });
});
