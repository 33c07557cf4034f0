import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { checkEndpoint } from "./endpoint-guard.ts";
import { newWebhookSecret, signDelivery } from "./signing.ts";

const production = { allowPrivate: false, allowHttp: false };

describe("webhook signatures", () => {
  it("follow Standard Webhooks: v1 HMAC-SHA256 of id.timestamp.body under the decoded secret", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const at = new Date("2026-12-02T10:00:00Z");
    const body = JSON.stringify({ type: "request.created", data: { number: "SR-2026-000001" } });
    const headers = signDelivery(secret, "msg_1", at, body);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`msg_1.1796205600.${body}`).digest("base64");
    expect(headers).toEqual({
      "webhook-id": "msg_1",
      "webhook-timestamp": "1796205600",
      "webhook-signature": `v1,${expected}`,
    });
  });

  it("are refused by a receiver once older than the replay window, or for another body", () => {
    const secret = newWebhookSecret();
    const receiver = new Webhook(secret);
    const body = '{"type":"escalation.created"}';
    expect(() =>
      receiver.verify(body, signDelivery(secret, "msg_2", new Date(), body)),
    ).not.toThrow();
    const old = signDelivery(secret, "msg_3", new Date(Date.now() - 10 * 60_000), body);
    expect(() => receiver.verify(body, old)).toThrow(/too old/i);
    const fresh = signDelivery(secret, "msg_4", new Date(), body);
    expect(() => receiver.verify('{"type":"forged"}', fresh)).toThrow();
  });
});

describe("webhook endpoints", () => {
  it("are refused when they point inward, unless the admin setting allows it", async () => {
    for (const address of [
      "https://127.0.0.1/hook",
      "https://localhost/hook",
      "https://10.1.2.3/hook",
      "https://192.168.0.10/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://[::ffff:10.0.0.1]/hook",
    ]) {
      const verdict = await checkEndpoint(address, production);
      expect(verdict.ok, address).toBe(false);
      if (!verdict.ok) expect(verdict.reason, address).toContain("points into a private network");
    }
    expect(
      (await checkEndpoint("https://localhost/hook", { ...production, allowPrivate: true })).ok,
    ).toBe(true);
  });

  it("take a public https address, and refuse http outside development and credentials in the address", async () => {
    expect(await checkEndpoint("https://93.184.215.14/frontline", production)).toMatchObject({
      ok: true,
      addresses: ["93.184.215.14"],
    });
    const http = await checkEndpoint("http://93.184.215.14/frontline", production);
    expect(http).toEqual({
      ok: false,
      reason: "Use an https:// address: deliveries carry customers' data.",
    });
    expect(
      (await checkEndpoint("http://93.184.215.14/", { ...production, allowHttp: true })).ok,
    ).toBe(true);
    expect((await checkEndpoint("https://user:pw@93.184.215.14/", production)).ok).toBe(false);
    expect((await checkEndpoint("not a url", production)).ok).toBe(false);
    expect((await checkEndpoint("https://no-such-host.invalid/", production)).ok).toBe(false);
  });
});
