import { addSubscription, createCustomer, listAudit, saveAdminPortal } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser } from "../../../test/browser.ts";
import { expectRedirect } from "../../../test/console.ts";
import { type DeskTest, deskTest } from "../../../test/desk.ts";

/** Contoso with mail, its portal set by the admin, and an agent in the console. */
async function portalDesk() {
  const desk = await deskTest();
  const customer = await createCustomer(
    desk.db,
    { organisation: "Contoso", tenantDomain: "contoso.partner.cn", contacts: [] },
    desk.clock.now(),
  );
  await addSubscription(
    desk.db,
    customer.id,
    { service: "mail", seats: 40, status: "active", renewalDate: new Date("2027-03-01T00:00:00Z") },
    desk.clock.now(),
  );
  await saveAdminPortal(
    desk.db,
    {
      key: "mail",
      urlTemplate: "https://portal.operator.example/{tenant}/mail",
      by: desk.admin.user.id,
      at: desk.clock.now(),
    },
    { at: desk.clock.now(), actorId: null, actorLabel: "test", action: "portal.change" },
  );
  const agent = await signedInBrowser(desk.app, desk.db, "agent", {
    email: "console.agent@partner.example",
  });
  return { desk, customer, browser: agent.browser };
}

const openLink = (id: number) => `href="/admin/customers/${id}/portals/mail" target="_blank"`;

describe("admin portals in the console", () => {
  it("are set by an admin on their page; a refused address stays in its field with the reason", async () => {
    const desk: DeskTest = await deskTest();
    const { browser } = await signedInBrowser(desk.app, desk.db, "admin", {
      email: "console.admin@partner.example",
    });
    const refused = await browser.submit("/admin/portals/mail", {
      urlTemplate: "https://portal.operator.example/{customer}",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Unknown placeholders: {customer}. Use {tenant} or {subscription}.");
    expect(html).toContain('value="https://portal.operator.example/{customer}"');

    expectRedirect(
      await browser.submit("/admin/portals/mail", {
        urlTemplate: "https://portal.operator.example/{tenant}/mail",
      }),
      "/admin/portals?notice=portal-saved",
    );
    const saved = await (await browser.get("/admin/portals?notice=portal-saved")).text();
    expect(saved).toContain('value="https://portal.operator.example/{tenant}/mail"');
  });

  it("link from the customer's page to the portal for that customer, audited as the agent follows it", async () => {
    const { desk, customer, browser } = await portalDesk();
    const page = await (await browser.get(`/admin/customers/${customer.id}`)).text();
    expect(page).toContain(openLink(customer.id));
    expect(page).toContain("Open the Email and calendar admin portal for Contoso");
    expect(page).toContain("Contoso&#39;s users are managed in the operator&#39;s admin center");

    const followed = await browser.get(`/admin/customers/${customer.id}/portals/mail`, {
      "Sec-Fetch-Site": "same-origin",
    });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("Location")).toBe(
      "https://portal.operator.example/contoso.partner.cn/mail",
    );
    const [entry] = await listAudit(desk.db, { action: "portal.open", limit: 5 });
    expect(entry).toMatchObject({
      actorLabel: "console.agent@partner.example",
      target: `customer:${customer.id}`,
    });
  });

  it("refuse a portal link followed from another site, writing nothing to the audit log", async () => {
    const { desk, customer, browser } = await portalDesk();
    const forged = await browser.get(`/admin/customers/${customer.id}/portals/mail`, {
      "Sec-Fetch-Site": "cross-site",
    });
    expect(forged.status).toBe(403);
    expect(await listAudit(desk.db, { action: "portal.open", limit: 5 })).toEqual([]);
  });

  it("show on the request page, with a warning while the customer granted no delegated access", async () => {
    const { desk, customer, browser } = await portalDesk();
    const request = await desk.file(
      { organisation: "contoso.partner.cn" },
      { customerId: customer.id },
    );
    const page = await (await browser.get(`/admin/requests/${request.number}`)).text();
    expect(page).toContain(openLink(customer.id));
    expect(page).toContain(
      "Contoso has not granted delegated admin access: you cannot act in its tenant.",
    );

    expectRedirect(
      await browser.submit(`/admin/customers/${customer.id}`, {
        organisation: "Contoso",
        tenantDomain: "contoso.partner.cn",
        contacts: "",
        delegatedAccessUntil: "2026-12-10",
      }),
      `/admin/customers/${customer.id}?notice=customer-updated`,
    );
    const later = await (await browser.get(`/admin/requests/${request.number}`)).text();
    expect(later).toContain("Delegated admin access ends in 20 days");
  });
});
