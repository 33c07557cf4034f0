import { type AddressInfo, createServer } from "node:net";
import { listOutbox } from "@frontline/db";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillContactForm } from "./contact-form.ts";
import { addStaff, escalateByApi, signIn, withDatabase } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";
import { sampleFiles } from "./sample-files.ts";

// The journey issue #12 asks for, end to end on the server `npm start`
// runs: files in both directions, a reply by real SMTP, a canned reply in
// German, the escalation and its resolution, and the rating from the
// latest email's link.

let harness: Harness;
let inboundPort: number;
/** A port nothing listens on now, for the server's inbound SMTP. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  inboundPort = await freePort();
  harness = await startHarness({
    INBOUND_SMTP_PORT: String(inboundPort),
    INBOUND_SMTP_HOST: "127.0.0.1",
    MAIL_FROM: "Contoso Support <support@partner.example>",
  });
  await addStaff(harness.databasePath, [
    { email: AGENT, role: "agent" },
    { email: OPERATOR, role: "operator" },
  ]);
});
afterAll(async () => {
  await harness?.stop();
});

const AGENT = "journey.agent@partner.example";
const OPERATOR = "journey.operator@operator.example";
const CUSTOMER = "li.wei@contoso.example";

const { screenshot } = sampleFiles();

/** The customer's mails, oldest first, as the outbox holds them. */
const mailsToCustomer = () =>
  withDatabase(harness.databasePath, async (db) =>
    (await listOutbox(db)).filter((m) => m.recipient === CUSTOMER),
  );

describe("a request from the screenshot to the rating", () => {
  it("goes through files, an emailed reply, a canned reply, the operator and back to the customer", async () => {
    const customer = await harness.browser.newPage();
    await customer.goto(`${harness.server.url}/de/contact/`);
    await fillContactForm(customer, {
      service: "identity",
      subject: "Kennwortabfrage kommt wieder",
    });
    await customer.setInputFiles("#attachments", [screenshot]);
    await customer.locator(".file-list li[data-state=ready]").waitFor();
    await customer.click("#contact-form button[type=submit]");
    await customer.locator("#confirmation [data-reference]").waitFor();
    const number = (await customer.locator("#confirmation [data-reference]").textContent()) ?? "";
    expect(number).toMatch(/^SR-\d{4}-\d{6}$/);

    // The customer answers the confirmation by email, with a log, over real SMTP.
    const [confirmation] = await mailsToCustomer();
    expect(confirmation?.replyTo).toMatch(
      /^support\+sr-\d{4}-\d{6}\.[0-9a-f]{20}@partner\.example$/,
    );
    await createTransport({
      host: "127.0.0.1",
      port: inboundPort,
      secure: false,
      ignoreTLS: true,
    }).sendMail({
      from: `Li Wei <${CUSTOMER}>`,
      to: confirmation?.replyTo ?? "",
      subject: `Re: ${confirmation?.subject}`,
      text: "Hier das Protokoll von heute früh.\n\nAm 02.12.2026 schrieb Contoso Support <support@partner.example>:\n> vielen Dank",
      attachments: [
        { filename: "outlook.log", content: "09:14 ERROR 535 Authentication unsuccessful\n" },
      ],
    });

    const context = await harness.browser.newContext();
    const desk = await signIn(context, harness.server.url, AGENT);
    await desk.goto(`${harness.server.url}/admin/requests/${number}`);
    await desk.getByAltText("Preview of Fehlermeldung.png").waitFor();
    await desk.getByRole("link", { name: "outlook.log" }).waitFor();
    expect(await desk.locator(".timeline").textContent()).toContain(
      "Hier das Protokoll von heute früh.",
    );

    // A German canned reply, written once, starts the agent's answer.
    await desk.goto(`${harness.server.url}/admin/canned-replies`);
    await desk.getByLabel("Title").fill("Wir prüfen das");
    await desk.getByLabel("Language").selectOption("de");
    await desk
      .getByLabel("Text")
      .fill("Guten Tag {customer.name}, wir prüfen {request.number} mit dem Betreiber.");
    await desk.getByRole("button", { name: "Save canned reply" }).click();
    await desk.locator(".notice").filter({ hasText: "The canned reply is saved." }).waitFor();
    await desk.goto(`${harness.server.url}/admin/requests/${number}`);
    await desk
      .getByLabel("Start from a canned reply")
      .selectOption({ label: "Wir prüfen das · yours" });
    await desk.getByRole("button", { name: "Insert" }).click();
    expect(await desk.inputValue("#reply-body")).toBe(
      `Guten Tag Li Wei, wir prüfen ${number} mit dem Betreiber.`,
    );
    await desk.click("#action-reply button[type=submit]");
    await desk.locator(".notice").filter({ hasText: "The reply is sent" }).waitFor();

    await escalateByApi(desk, harness.server.url, number);
    const operatorContext = await harness.browser.newContext();
    const operator = await signIn(operatorContext, harness.server.url, OPERATOR);
    await operator.goto(`${harness.server.url}/admin/escalations`);
    await operator.locator('a[href^="/admin/escalations/"]').filter({ hasText: number }).click();
    await operator.waitForURL(/\/admin\/escalations\/\d+/);
    await operator.getByRole("link", { name: "outlook.log" }).waitFor();
    const escalation = operator.url();
    await operator.selectOption("form#escalation-update select[name=status]", "acknowledged");
    await operator.click("form#escalation-update button[type=submit]");
    await operator.waitForURL(/notice=/);
    await operator.goto(escalation);
    await operator.selectOption("form#escalation-update select[name=status]", "resolved");
    await operator.fill(
      "form#escalation-update textarea[name=message]",
      "Token cache on the tenant was reset.",
    );
    await operator.click("form#escalation-update button[type=submit]");
    await operator.waitForURL(/notice=/);

    await desk.goto(`${harness.server.url}/admin/requests/${number}`);
    await desk.fill(
      "#resolve-body",
      "Der Betreiber hat den Anmelde-Cache Ihres Mandanten zurückgesetzt; die Abfrage bleibt aus.",
    );
    await desk.click("#action-resolve button[type=submit]");
    await desk.locator(".notice").filter({ hasText: "The request is resolved" }).waitFor();

    // The latest email, not the first, opens the page signed in at the rating.
    const mails = await mailsToCustomer();
    expect(mails.length).toBeGreaterThan(2);
    const rateLink = /https?:\/\/\S+:rate/.exec(mails.at(-1)?.body ?? "")?.[0] ?? "";
    expect(rateLink).toContain(`#${number}:a1.`);
    const latest = await harness.browser.newPage();
    await latest.goto(rateLink.replace(/^https?:\/\/[^/]+/, harness.server.url));
    await latest
      .locator("[data-timeline]")
      .filter({ hasText: "Anmelde-Cache Ihres Mandanten zurückgesetzt" })
      .waitFor();
    expect(await latest.locator("[data-status]").textContent()).toBe("Gelöst");
    await latest.getByLabel("Gut").check();
    await latest.getByRole("button", { name: "Bewertung senden" }).click();
    await latest.locator("[data-rated]").filter({ hasText: "Gut" }).waitFor();
    await context.close();
    await operatorContext.close();
  });
});
