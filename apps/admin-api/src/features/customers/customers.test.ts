import { getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../../test/staff.ts";
import { callJson, postJson, readJson, testApp, validRequest } from "../../../test/test-app.ts";

const contoso = {
  organisation: "Contoso Trading",
  tenantDomain: "Contoso.Example",
  contacts: [{ name: "Anna Berger", email: "anna@contoso.example" }],
};

describe("customers and subscriptions", () => {
  it("adds a customer with a subscription and shows both", async () => {
    const test = await testApp();
    const agent = await staffWithToken(test.db, "agent");
    const customer = await readJson(
      await callJson(test.app, "POST", "/api/v1/customers", agent.headers, contoso),
    );
    expect(customer).toMatchObject({
      organisation: "Contoso Trading",
      tenantDomain: "contoso.example",
    });
    const subscription = await callJson(
      test.app,
      "POST",
      `/api/v1/customers/${customer.id}/subscriptions`,
      agent.headers,
      {
        service: "mail",
        seats: 40,
        renewalDate: "2027-03-01",
      },
    );
    expect(subscription.status).toBe(201);
    const shown = await readJson(
      await callJson(test.app, "GET", `/api/v1/customers/${customer.id}`, agent.headers),
    );
    expect(shown.subscriptions).toEqual([
      expect.objectContaining({ service: "mail", seats: 40, status: "active" }),
    ]);
    const found = await readJson(
      await callJson(test.app, "GET", "/api/v1/customers?q=contoso", agent.headers),
    );
    expect(found.items).toEqual([
      expect.objectContaining({ organisation: "Contoso Trading", subscriptions: 1 }),
    ]);
  });

  it("matches an incoming request to its customer by tenant domain", async () => {
    const test = await testApp();
    const agent = await staffWithToken(test.db, "agent");
    const customer = await readJson(
      await callJson(test.app, "POST", "/api/v1/customers", agent.headers, contoso),
    );
    const matched = await readJson(
      await postJson(test.app, "/api/v1/requests", {
        ...validRequest,
        organisation: "Contoso",
        email: "li@contoso.example",
      }),
    );
    const unknown = await readJson(
      await postJson(test.app, "/api/v1/requests", {
        ...validRequest,
        organisation: "Fabrikam",
        email: "x@fabrikam.example",
      }),
    );
    expect((await getRequestByNumber(test.db, matched.number))?.customerId).toBe(customer.id);
    expect((await getRequestByNumber(test.db, unknown.number))?.customerId).toBeNull();
  });

  it("refuses a tenant domain another customer has, naming the field", async () => {
    const test = await testApp();
    const admin = await staffWithToken(test.db, "admin");
    await callJson(test.app, "POST", "/api/v1/customers", admin.headers, contoso);
    const response = await callJson(test.app, "POST", "/api/v1/customers", admin.headers, {
      ...contoso,
      organisation: "Contoso Copy",
    });
    expect(response.status).toBe(409);
    expect((await readJson(response)).errors.map((e: { field: string }) => e.field)).toEqual([
      "tenantDomain",
    ]);
  });

  it("changes only the fields a change sends: a new name keeps the tenant and contacts, new seats keep the status", async () => {
    const test = await testApp();
    const agent = await staffWithToken(test.db, "agent");
    const customer = await readJson(
      await callJson(test.app, "POST", "/api/v1/customers", agent.headers, contoso),
    );
    const subscription = await readJson(
      await callJson(
        test.app,
        "POST",
        `/api/v1/customers/${customer.id}/subscriptions`,
        agent.headers,
        {
          service: "mail",
          seats: 40,
          status: "suspended",
          renewalDate: "2027-03-01",
        },
      ),
    );
    const renamed = await callJson(
      test.app,
      "PATCH",
      `/api/v1/customers/${customer.id}`,
      agent.headers,
      {
        organisation: "Contoso Holding",
      },
    );
    expect(await readJson(renamed)).toMatchObject({
      organisation: "Contoso Holding",
      tenantDomain: "contoso.example",
      contacts: contoso.contacts,
    });
    const reseated = await callJson(
      test.app,
      "PATCH",
      `/api/v1/subscriptions/${subscription.id}`,
      agent.headers,
      { seats: 25 },
    );
    expect(await readJson(reseated)).toMatchObject({ seats: 25, status: "suspended" });
  });

  it("keeps operators and anonymous callers out", async () => {
    const test = await testApp();
    const operator = await staffWithToken(test.db, "operator");
    expect((await callJson(test.app, "GET", "/api/v1/customers", operator.headers)).status).toBe(
      403,
    );
    expect((await callJson(test.app, "GET", "/api/v1/customers", {})).status).toBe(401);
  });
});
