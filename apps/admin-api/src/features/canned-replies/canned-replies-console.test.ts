import { describe, expect, it } from "vitest";
import { expectRedirect } from "../../../test/console.ts";
import { deskPagesTest, formOf } from "../../../test/desk-pages.ts";

describe("canned replies in the console", () => {
  it("are written on their page and start a reply on the request page, filled and with their status", async () => {
    const test = await deskPagesTest();
    const browser = test.console.browser;
    expectRedirect(
      await browser.submit("/admin/canned-replies", {
        title: "Protokoll anfordern",
        locale: "de",
        body: "Guten Tag {customer.name}, bitte senden Sie uns das Protokoll zu {request.number}.",
        status: "waiting-on-customer",
      }),
      "/admin/canned-replies?notice=canned-saved",
    );
    const listed = await (await browser.get("/admin/canned-replies?notice=canned-saved")).text();
    expect(listed).toContain("The canned reply is saved.");
    expect(listed).toContain("Protokoll anfordern</a>");

    const request = await test.file({ locale: "de", name: "Jürgen Weiß" });
    const page = await (await browser.get(`/admin/requests/${request.number}`)).text();
    expect(page).toContain('<optgroup label="In Deutsch, the customer&#39;s language">');
    const id = /<option value="(\d+)"[^>]*>Protokoll anfordern/.exec(page)?.[1];
    expect(id).toBeDefined();

    const picked = await (
      await browser.get(`/admin/requests/${request.number}?canned=${id}`)
    ).text();
    const reply = formOf(picked, "action-reply");
    expect(reply).toContain(
      `Guten Tag Jürgen Weiß, bitte senden Sie uns das Protokoll zu ${request.number}.</textarea>`,
    );
    expect(reply).toMatch(/<option value="waiting-on-customer" selected[^>]*>/);

    const sent = await test.actOnPage(request.number, "reply", {
      body: "Guten Tag Jürgen Weiß, bitte senden Sie uns das Protokoll.",
      status: "waiting-on-customer",
    });
    expect(sent.status).toBe(303);
    expect((await test.detail(request.number)).status).toBe("waiting-on-customer");
  });

  it("refuses an unknown placeholder on the form, keeping what was typed", async () => {
    const test = await deskPagesTest();
    const response = await test.console.browser.submit("/admin/canned-replies", {
      title: "Typo",
      locale: "en",
      body: "Hi {name}",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Unknown placeholders: {name}");
    expect(html).toContain("Hi {name}</textarea>");
  });
});
