import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Where a webhook may be sent. The server must never become a proxy into
 * its own network, so an endpoint that is, or resolves to, a loopback,
 * private, link-local or otherwise non-public address is refused, unless
 * an admin setting allows inward addresses (a receiver beside the server,
 * or a test). Plain http is refused too outside development.
 */
export interface EndpointPolicy {
  /** WEBHOOKS_ALLOW_PRIVATE: loopback and private addresses are allowed. */
  readonly allowPrivate: boolean;
  /** Development only: http:// as well as https://. */
  readonly allowHttp: boolean;
}

export type EndpointVerdict =
  | { readonly ok: true; readonly url: URL; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Only the global unicast range is the public internet. */
function isPublic(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === "unicast";
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks an endpoint's address and every address its host resolves to. A
 * delivery checks again before it connects, since a name may point
 * elsewhere by then.
 */
export async function checkEndpoint(
  raw: string,
  policy: EndpointPolicy,
  resolve: Resolve = resolveAll,
): Promise<EndpointVerdict> {
  if (!URL.canParse(raw))
    return { ok: false, reason: "Give a full address like https://hooks.example.com/frontline." };
  const url = new URL(raw);
  const schemes = policy.allowHttp ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) {
    return { ok: false, reason: "Use an https:// address: deliveries carry customers' data." };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      reason: "Leave the user name and password out of the address; deliveries are signed instead.",
    };
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, reason: `The name ${host} does not resolve.` };
  }
  if (addresses.length === 0) return { ok: false, reason: `The name ${host} does not resolve.` };
  const inward = addresses.find((a) => !isPublic(a));
  if (inward && !policy.allowPrivate) {
    return {
      ok: false,
      reason: `${host} points into a private network (${inward}); only public addresses receive webhooks.`,
    };
  }
  return { ok: true, url, addresses };
}
