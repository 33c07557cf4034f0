import {
  changeStatus,
  createCustomer,
  getRequestByNumber,
  listEvents,
  listOutbox,
} from "@frontline/db";
import { createTransport } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { sampleFiles } from "../../../test/files.ts";
import { startSmtpServer } from "../../../test/smtp.ts";
import { postJson, readJson, testApp, validRequest } from "../../../test/test-app.ts";
import { type InboundSmtp, startInboundSmtp } from "../../platform/inbound-smtp.ts";
import { startOutboxWorker } from "../../platform/outbox-worker.ts";
import { replyAddress } from "../../platform/reply-address.ts";

const SUPPORT = "support@partner.example";
const servers: InboundSmtp[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The app with its inbound SMTP server on a free loopback port, and a mail client that talks to it. */
async function desk() {
  const test = await testApp({ supportAddress: SUPPORT });
  const deps = { db: test.db, clock: test.clock, config: test.config, files: test.files };
  const smtp = await startInboundSmtp(deps, { port: 0, host: "127.0.0.1" });
  servers.push(smtp);
  const client = createTransport({
    host: "127.0.0.1",
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
  });
  const filed = await readJson(await postJson(test.app, "/api/v1/requests", validRequest));
  const row = await getRequestByNumber(test.db, filed.number);
  if (!row) throw new Error("not filed");
  const replyTo = replyAddress(test.config.accessLinkSecret, SUPPORT, row.number);
  return { ...test, client, row, replyTo, trackingToken: filed.trackingToken as string };
}

type Desk = Awaited<ReturnType<typeof desk>>;

const messagesOf = async (d: Desk) =>
  (await listEvents(d.db, d.row.id)).filter((e) => e.type === "customer-message");

describe("customers' email", () => {
  it("puts a reply to the notification's address on the timeline, without the quote and signature, with its log", async () => {
    const d = await desk();
    const mails = await listOutbox(d.db);
    expect(mails[0]?.replyTo).toBe(d.replyTo);
    expect(d.replyTo).toMatch(/^support\+sr-2026-\d{6}\.[0-9a-f]{20}@partner\.example$/);

    await d.client.sendMail({
      from: "Li Wei <li.wei@contoso.cn>",
      to: d.replyTo,
      subject: `Re: [${d.row.number}] We received your request`,
      text: [
        "It happens again this morning, log attached.",
        "",
        "Best regards,",
        "Li",
        "",
        "On Sat, Nov 21, 2026 at 10:30 AM Frontline Support <support@partner.example> wrote:",
        "> thank you for your request.",
        "> Your reference number is SR-2026-000001.",
      ].join("\n"),
      attachments: [{ filename: "outlook.log", content: sampleFiles.log }],
    });

    const [message] = await messagesOf(d);
    expect(message?.body).toBe("It happens again this morning, log attached.");
    const view = await readJson(
      await d.app.request(`/api/v1/requests/${d.row.number}`, {
        headers: { "X-Tracking-Token": d.trackingToken },
      }),
    );
    const entry = view.timeline.find((e: { type: string }) => e.type === "customer-message");
    expect(entry.attachments).toEqual([
      expect.objectContaining({ name: "outlook.log", contentType: "text/plain" }),
    ]);
  });

  it("completes the loop over real SMTP: the sent notification's Reply-To takes the customer's answer", async () => {
    const d = await desk();
    const outgoing = await startSmtpServer();
    const worker = startOutboxWorker({
      db: d.db,
      transport: createTransport({
        host: "127.0.0.1",
        port: outgoing.port,
        secure: false,
        ignoreTLS: true,
      }),
      from: `Frontline Support <${SUPPORT}>`,
      clock: d.clock,
      pollMs: 60_000,
    });
    try {
      expect(await worker.runOnce()).toBe(1);
    } finally {
      await worker.stop();
      await outgoing.close();
    }
    const [sent] = outgoing.received;
    expect(sent?.replyTo).toBe(d.replyTo);
    await d.client.sendMail({
      from: "li.wei@contoso.cn",
      to: sent?.replyTo ?? "",
      subject: `Re: ${sent?.subject}`,
      text: "Thank you, it works now.",
    });
    expect((await messagesOf(d)).map((m) => m.body)).toEqual(["Thank you, it works now."]);
  });

  it('strips a German quote header ("Am … schrieb …:") as well as an English one', async () => {
    const d = await desk();
    await d.client.sendMail({
      from: "li.wei@contoso.cn",
      to: d.replyTo,
      subject: "Re: your request",
      text: "Am Samstag hat es wieder geklappt, danke.\n\nAm 21.11.2026 um 10:30 schrieb Support <support@partner.example>:\n> Guten Tag",
    });
    const [message] = await messagesOf(d);
    expect(message?.body).toBe("Am Samstag hat es wieder geklappt, danke.");
  });

  it("ignores auto-replies, bounces and its own notifications, without answering them", async () => {
    const d = await desk();
    const send = (extra: Record<string, unknown>) =>
      d.client.sendMail({
        from: "li.wei@contoso.cn",
        to: d.replyTo,
        subject: "Out of office",
        text: "I am away until Monday.",
        ...extra,
      });
    await send({ headers: { "Auto-Submitted": "auto-replied" } });
    await send({ headers: { Precedence: "bulk" } });
    await send({ envelope: { from: "", to: d.replyTo } });
    await send({ messageId: "<outbox-1.1795000000000@partner.example>" });
    await send({ from: SUPPORT });
    expect(await messagesOf(d)).toEqual([]);
    // Nothing was sent back either: the outbox holds only the confirmation.
    expect((await listOutbox(d.db)).map((m) => m.kind)).toEqual(["created"]);
  });

  it("refuses a forged reply address and an unknown mailbox at RCPT TO, storing nothing", async () => {
    const d = await desk();
    const forged = d.replyTo.replace(/\.[0-9a-f]{20}@/, ".0123456789abcdef0123@");
    await expect(
      d.client.sendMail({ from: "x@evil.example", to: forged, subject: "Hi", text: "Let me in." }),
    ).rejects.toThrow(/550/);
    await expect(
      d.client.sendMail({
        from: "x@evil.example",
        to: "sales@partner.example",
        subject: "Hi",
        text: "Hello.",
      }),
    ).rejects.toThrow(/No such mailbox/);
    expect(await messagesOf(d)).toEqual([]);
  });

  it("opens a new request from a known customer's email to the support address, and bounces strangers politely", async () => {
    const d = await desk();
    await createCustomer(
      d.db,
      { organisation: "Fabrikam GmbH", tenantDomain: "fabrikam.example", contacts: [] },
      d.clock.now(),
    );
    await d.client.sendMail({
      from: "Jürgen Weiß <juergen@fabrikam.example>",
      to: SUPPORT,
      subject: "Drucker im Büro 2 druckt nicht",
      text: "Seit heute früh kommt nichts mehr aus dem Drucker, obwohl er online ist.",
      headers: { "Content-Language": "de" },
      attachments: [{ filename: "fehler.png", content: sampleFiles.png }],
    });
    const filed = (await listOutbox(d.db)).filter(
      (m) => m.recipient === "juergen@fabrikam.example",
    );
    expect(filed).toHaveLength(1);
    const number = /\[(SR-\d{4}-\d{6})\]/.exec(filed[0]?.subject ?? "")?.[1] ?? "";
    const row = await getRequestByNumber(d.db, number);
    expect(row).toMatchObject({
      organisation: "Fabrikam GmbH",
      contactName: "Jürgen Weiß",
      locale: "de",
      subject: "Drucker im Büro 2 druckt nicht",
    });
    expect(filed[0]?.body).toContain("vielen Dank für Ihre Anfrage");

    await expect(
      d.client.sendMail({
        from: "someone@stranger.example",
        to: SUPPORT,
        subject: "Help",
        text: "Please help me with my printer, it does not print.",
      }),
    ).rejects.toThrow(/contact form/);
  });

  it("bounces a reply to a closed request, saying to file a new one", async () => {
    const d = await desk();
    await changeStatus(d.db, {
      requestId: d.row.id,
      from: d.row.status,
      to: "closed",
      actor: "agent",
      at: d.clock.now(),
    });
    await expect(
      d.client.sendMail({
        from: "li.wei@contoso.cn",
        to: d.replyTo,
        subject: "Re:",
        text: "One more thing.",
      }),
    ).rejects.toThrow(/file a new request/i);
    expect(await messagesOf(d)).toEqual([]);
  });
});
