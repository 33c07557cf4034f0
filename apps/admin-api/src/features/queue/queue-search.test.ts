import { appendEvent } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { deskTest, numbers } from "../../../test/desk.ts";

async function searchableDesk() {
  const desk = await deskTest();
  const vpn = await desk.file({
    subject: "VPN drops every few minutes",
    description: "Since the firewall change the VPN client disconnects for everyone in Suzhou.",
  });
  const invoice = await desk.file({
    subject: "Invoice shows cancelled seats",
    description: "The November invoice still charges for twelve seats we cancelled in October.",
  });
  const mail = await desk.file({
    subject: "Mail goes to the spam folder",
    description: "Messages from our domain land in the recipients' spam folder since Monday.",
  });
  const at = desk.clock.now();
  await appendEvent(desk.db, {
    requestId: mail.id,
    type: "customer-message",
    actor: "customer",
    at,
    body: "It also happens for the Größenordnung-Bericht we send to Müller GmbH.",
  });
  await desk.act(invoice.number, "notes", {
    body: "Billing system shows a stale quokka entitlement; ask finance.",
  });
  await desk.act(vpn.number, "replies", { body: "Please send us the firewall vendor's log." });
  return { desk, vpn, invoice, mail };
}

describe("searching the queue", () => {
  it("finds words in the subject and in the description", async () => {
    const { desk, vpn, invoice } = await searchableDesk();
    expect(numbers(await desk.queue("?q=vpn"))).toEqual([vpn.number]);
    expect(numbers(await desk.queue("?q=november"))).toEqual([invoice.number]);
  });

  it("finds words in the customer's messages and in partner replies", async () => {
    const { desk, vpn, mail } = await searchableDesk();
    expect(numbers(await desk.queue("?q=M%C3%BCller"))).toEqual([mail.number]);
    expect(numbers(await desk.queue("?q=vendor"))).toEqual([vpn.number]);
  });

  it("finds words in internal notes, which only staff can read", async () => {
    const { desk, invoice } = await searchableDesk();
    expect(numbers(await desk.queue("?q=quokka"))).toEqual([invoice.number]);
  });

  it("matches word beginnings and ignores case and accents", async () => {
    const { desk, vpn, mail } = await searchableDesk();
    expect(numbers(await desk.queue("?q=FIREW"))).toEqual([vpn.number]);
    expect(numbers(await desk.queue("?q=Gro%CC%88%C3%9Fen"))).toEqual([mail.number]);
    expect(numbers(await desk.queue("?q=muller"))).toEqual([mail.number]);
  });

  it("needs every word to match", async () => {
    const { desk, mail } = await searchableDesk();
    expect(numbers(await desk.queue("?q=spam%20domain"))).toEqual([mail.number]);
    expect(numbers(await desk.queue("?q=spam%20invoice"))).toEqual([]);
  });

  it("treats search syntax as plain words, so no input is an error", async () => {
    const { desk, vpn } = await searchableDesk();
    for (const q of [
      '"vpn',
      "vpn OR invoice",
      "vpn*",
      "(vpn",
      "NEAR(vpn",
      "content:vpn",
      "-vpn",
      "^vpn",
    ]) {
      const response = await desk.send(
        "GET",
        `/api/v1/queue?q=${encodeURIComponent(q)}`,
        desk.agent.headers,
      );
      expect(response.status, q).toBe(200);
    }
    expect(numbers(await desk.queue(`?q=${encodeURIComponent('"vpn (drops')}`))).toEqual([
      vpn.number,
    ]);
  });

  it("finds a request by its reference number", async () => {
    const { desk, invoice } = await searchableDesk();
    expect(numbers(await desk.queue(`?q=${invoice.number.toLowerCase()}`))).toEqual([
      invoice.number,
    ]);
  });

  it("finds a request by part of its number, its organisation, the contact's name and email", async () => {
    const desk = await deskTest();
    const jurgen = await desk.file({
      organisation: "Fabrikam Logistik GmbH",
      name: "Jürgen Weiß",
      email: "j.weiss@fabrikam-logistik.example",
    });
    const other = await desk.file({
      organisation: "Contoso",
      name: "Li Wei",
      email: "li@contoso.example",
    });
    const find = async (q: string) => numbers(await desk.queue(`?q=${encodeURIComponent(q)}`));
    expect(await find(jurgen.number.slice(3))).toEqual([jurgen.number]);
    expect(await find(jurgen.number.slice(-6))).toEqual([jurgen.number]);
    expect(await find("fabrikam logistik")).toEqual([jurgen.number]);
    expect(await find("jurgen weiss")).toEqual([jurgen.number]);
    expect(await find("j.weiss@fabrikam-logistik.example")).toEqual([jurgen.number]);
    expect(await find("contoso.example")).toEqual([other.number]);
  });

  it("ignores a search with nothing searchable in it", async () => {
    const { desk } = await searchableDesk();
    expect(numbers(await desk.queue("?q=%22%22%20*")).length).toBe(3);
  });

  it("counts per status only what the search found, combined with the other filters", async () => {
    const { desk, invoice } = await searchableDesk();
    await desk.move(invoice, "open");
    const page = await desk.queue("?q=seats&status=new");
    expect(page.items).toEqual([]);
    expect(page.counts).toMatchObject({ new: 0, open: 1 });
  });
});
