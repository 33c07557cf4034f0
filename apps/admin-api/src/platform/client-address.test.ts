import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type TestApp, testApp, validRequest } from "../../test/test-app.ts";
import { defaultRateLimits } from "./deps.ts";
import { limitKey } from "./guards.ts";

/** Files a request as it reaches the server through the proxies, with the header they built. */
function fileThrough(app: TestApp["app"], forwardedFor: string) {
  return app.request("/api/v1/requests", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": forwardedFor },
    body: JSON.stringify(validRequest),
  });
}

const strict = {
  ...defaultRateLimits,
  submit: { limit: 1, windowMs: 60_000 },
  public: { limit: 100, windowMs: 60_000 },
};

describe("the client address behind a proxy", () => {
  it("cannot be chosen by the client: a forged X-Forwarded-For entry does not escape the limit", async () => {
    const test = await testApp({ trustedProxies: 1, rateLimits: strict });
    // The proxy appends the address it saw (198.51.100.9) to whatever the client sent.
    expect((await fileThrough(test.app, "10.9.9.1, 198.51.100.9")).status).toBe(201);
    const forged = await fileThrough(test.app, "10.9.9.2, 198.51.100.9");
    expect(forged.status).toBe(429);
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(1);
  });

  it("is the hop behind the last trusted proxy when two proxies are chained", async () => {
    const test = await testApp({ trustedProxies: 2, rateLimits: strict });
    // client → CDN (writes 203.0.113.5) → load balancer (writes the CDN's 192.0.2.1) → server.
    expect((await fileThrough(test.app, "forged, 203.0.113.5, 192.0.2.1")).status).toBe(201);
    expect((await fileThrough(test.app, "other, 203.0.113.5, 192.0.2.1")).status).toBe(429);
    expect((await fileThrough(test.app, "forged, 203.0.113.6, 192.0.2.1")).status).toBe(201);
  });

  it("ignores X-Forwarded-For entirely when no proxy is trusted", async () => {
    const test = await testApp({ trustedProxies: 0, rateLimits: strict });
    expect((await fileThrough(test.app, "203.0.113.1")).status).toBe(201);
    expect((await fileThrough(test.app, "203.0.113.2")).status).toBe(429);
  });
});

describe("what a rate limit counts by", () => {
  it("counts an IPv6 client by its /64, however the address is written", () => {
    expect(limitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("::1")).toBe("0:0:0:0::/64");
  });

  it("counts an IPv4 client by its address, also when it arrives IPv4-mapped", () => {
    expect(limitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(limitKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(limitKey("unknown")).toBe("unknown");
  });

  it("refuses a second filing from another address of the same IPv6 /64", async () => {
    const test = await testApp({ trustedProxies: 1, rateLimits: strict });
    expect((await fileThrough(test.app, "2001:db8:5:6::10")).status).toBe(201);
    expect((await fileThrough(test.app, "2001:db8:5:6:dead:beef:0:1")).status).toBe(429);
    expect((await fileThrough(test.app, "2001:db8:5:7::10")).status).toBe(201);
  });
});
