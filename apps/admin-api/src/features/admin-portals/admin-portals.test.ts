import { addSubscription, createCustomer, listAudit } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest } from "../../../test/desk.ts";
import { readJson } from "../../../test/test-app.ts";

const mailPortal =
  "https://portal.operator.example/partner/{tenant}/mail?subscription={subscription}";

const setPortal = (
  desk: DeskTest,
  key: string,
  urlTemplate: string,
  headers = desk.admin.headers,
) => desk.send("PUT", `/api/v1/admin-portals/${key}`, headers, { urlTemplate });

/** Contoso with a mail subscription the operator knows as "sub 42/a". */
async function contoso(desk: DeskTest, tenantDomain: string | null = "contoso.partner.cn") {
  const customer = await createCustomer(
    desk.db,
    { organisation: "Contoso", tenantDomain, contacts: [] },
    desk.clock.now(),
  );
  await addSubscription(
    desk.db,
    customer.id,
    {
      service: "mail",
      seats: 40,
      status: "active",
      renewalDate: new Date("2027-03-01T00:00:00Z"),
      operatorReference: "sub 42/a",
    },
    desk.clock.now(),
  );
  return customer;
}

const acting = async (desk: DeskTest, id: number) =>
  (await desk.get(`/api/v1/customers/${id}`)).actingOnBehalf;

describe("admin portal templates", () => {
  it("are set by admins, and each refusal says why", async () => {
    const desk = await deskTest();
    const refusals = [
      [
        "https://portal.operator.example/{tenant}/{user}",
        "Unknown placeholders: {user}. Use {tenant} or {subscription}.",
      ],
      ["http://portal.operator.example/{tenant}", "Use an https address like"],
      ["https://admin:secret@portal.operator.example/", "without a user name or password"],
    ] as const;
    for (const [template, message] of refusals) {
      const response = await setPortal(desk, "mail", template);
      expect(response.status, template).toBe(422);
      expect((await readJson(response)).errors[0].message).toContain(message);
    }
    expect((await setPortal(desk, "mail", mailPortal, desk.agent.headers)).status).toBe(403);
    expect((await setPortal(desk, "no-such-service", mailPortal)).status).toBe(404);

    expect((await setPortal(desk, "mail", mailPortal)).status).toBe(200);
    const { items } = await desk.get("/api/v1/admin-portals", desk.admin.headers);
    expect(items.find((p: { key: string }) => p.key === "mail")).toMatchObject({
      label: "Email and calendar",
      urlTemplate: mailPortal,
    });
    expect(items.at(-1)).toMatchObject({ key: "users", urlTemplate: null });
  });
});

describe("acting on a customer's behalf", () => {
  it("opens a service's portal filled for the customer, percent-encoded, and audits who opened it", async () => {
    const desk = await deskTest();
    await setPortal(desk, "mail", mailPortal);
    const customer = await contoso(desk);
    expect((await acting(desk, customer.id)).portals).toEqual([
      {
        key: "mail",
        label: "Email and calendar",
        openPath: `/admin/customers/${customer.id}/portals/mail`,
        missing: null,
      },
    ]);
    const opened = await desk.send(
      "POST",
      `/api/v1/customers/${customer.id}/admin-portals/mail`,
      desk.agent.headers,
    );
    expect(await readJson(opened)).toEqual({
      url: "https://portal.operator.example/partner/contoso.partner.cn/mail?subscription=sub%2042%2Fa",
    });
    const [entry] = await listAudit(desk.db, { action: "portal.open", limit: 5 });
    expect(entry).toMatchObject({
      actorLabel: desk.agent.user.email,
      target: `customer:${customer.id}`,
      detail: { organisation: "Contoso", portal: "mail" },
    });
  });

  it("offers no portal for a service the customer does not have", async () => {
    const desk = await deskTest();
    await setPortal(desk, "files", "https://files.operator.example/{tenant}");
    const customer = await contoso(desk);
    expect((await acting(desk, customer.id)).portals).toEqual([]);
    const opened = await desk.send(
      "POST",
      `/api/v1/customers/${customer.id}/admin-portals/files`,
      desk.agent.headers,
    );
    expect(opened.status).toBe(404);
    expect(await listAudit(desk.db, { action: "portal.open", limit: 5 })).toEqual([]);
  });

  it("says which value a portal's address still needs instead of opening a broken link", async () => {
    const desk = await deskTest();
    await setPortal(desk, "mail", mailPortal);
    const customer = await contoso(desk, null);
    expect((await acting(desk, customer.id)).portals[0]).toMatchObject({
      openPath: null,
      missing: "tenant",
    });
    const opened = await desk.send(
      "POST",
      `/api/v1/customers/${customer.id}/admin-portals/mail`,
      desk.agent.headers,
    );
    expect(opened.status).toBe(409);
    expect((await readJson(opened)).detail).toBe(
      "Set Contoso's tenant domain first: the portal's address needs it.",
    );
  });

  it("reads the delegated admin relationship as granted, expiring within 30 days, expired or none", async () => {
    const desk = await deskTest();
    const customer = await contoso(desk);
    expect((await acting(desk, customer.id)).delegatedAccess).toEqual({
      state: "none",
      until: null,
      daysLeft: null,
    });
    const states = [];
    for (const until of [
      "2027-06-30T23:59:59.999Z",
      "2026-12-01T23:59:59.999Z",
      "2026-11-01T00:00:00.000Z",
    ]) {
      const changed = await desk.send(
        "PATCH",
        `/api/v1/customers/${customer.id}`,
        desk.agent.headers,
        {
          delegatedAccessUntil: until,
        },
      );
      states.push((await readJson(changed)).actingOnBehalf.delegatedAccess);
    }
    expect(states).toEqual([
      { state: "granted", until: "2027-06-30T23:59:59.999Z", daysLeft: null },
      { state: "expiring", until: "2026-12-01T23:59:59.999Z", daysLeft: 11 },
      { state: "expired", until: "2026-11-01T00:00:00.000Z", daysLeft: null },
    ]);
  });
});
