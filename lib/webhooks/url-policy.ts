import dns from "node:dns";
import net from "node:net";
import { env } from "@/lib/env";

/**
 * Where webhooks may point. In production only https URLs whose host resolves to public addresses;
 * outside production (or with WEBHOOKS_ALLOW_LOCAL=1) also http://localhost, 127.0.0.1 and [::1]
 * and private-range addresses, for development receivers. Link-local addresses (which include
 * cloud metadata services such as 169.254.169.254) are refused always.
 */
export type UrlPolicy = { allowLocal: boolean };

/** The policy of this process (from NODE_ENV and WEBHOOKS_ALLOW_LOCAL). */
export function urlPolicy(): UrlPolicy {
  const config = env();
  return { allowLocal: config.NODE_ENV !== "production" || config.WEBHOOKS_ALLOW_LOCAL };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Never a webhook target, whatever the policy: link-local (cloud metadata), unspecified, multicast.
const ALWAYS_BLOCKED = new net.BlockList();
ALWAYS_BLOCKED.addSubnet("0.0.0.0", 8, "ipv4");
ALWAYS_BLOCKED.addSubnet("169.254.0.0", 16, "ipv4");
ALWAYS_BLOCKED.addSubnet("224.0.0.0", 3, "ipv4"); // multicast, reserved, broadcast
ALWAYS_BLOCKED.addAddress("::", "ipv6");
ALWAYS_BLOCKED.addSubnet("fe80::", 10, "ipv6");
ALWAYS_BLOCKED.addSubnet("ff00::", 8, "ipv6");

// Not public: refused unless the policy allows local targets.
const PRIVATE = new net.BlockList();
for (const [address, prefix] of [
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
] as const) {
  PRIVATE.addSubnet(address, prefix, "ipv4");
}
PRIVATE.addAddress("::1", "ipv6");
PRIVATE.addSubnet("fc00::", 7, "ipv6");
PRIVATE.addSubnet("64:ff9b::", 96, "ipv6");

/** Why an IP address may not be called under the policy, or null when it may. */
export function refusedAddress(address: string, policy: UrlPolicy): string | null {
  let ip = address.replace(/^\[|\]$/g, "");
  const family = net.isIP(ip);
  if (!family) return `${address} is not an IP address.`;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 address: judge that one.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) ip = mapped[1];
  const type = net.isIP(ip) === 4 ? "ipv4" : "ipv6";
  if (ALWAYS_BLOCKED.check(ip, type)) return `${address} is a link-local, multicast or unspecified address.`;
  if (!policy.allowLocal && PRIVATE.check(ip, type)) return `${address} is a private or loopback address.`;
  return null;
}

/**
 * Why a webhook URL is refused (a sentence for the form), or null when it is acceptable. Checks
 * what can be checked without the network; the host's addresses are checked again at every
 * delivery (`safeLookup`), because DNS can change after registration.
 */
export function refusedUrl(raw: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL such as https://example.org/hooks.";
  }
  if (url.username || url.password) return "The URL must not contain a user name or password.";
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === "http:") {
    if (!loopback) return "The URL must start with https://.";
    if (!policy.allowLocal) return "http://localhost URLs are allowed in development only; use https://.";
  } else if (url.protocol !== "https:") {
    return "The URL must start with https://.";
  }
  if (loopback && !policy.allowLocal) return "Webhooks cannot call this server's own machine.";
  if (net.isIP(url.hostname.replace(/^\[|\]$/g, ""))) return refusedAddress(url.hostname, policy);
  if (!policy.allowLocal && /(^|\.)(localhost|local|internal|home\.arpa)\.?$/i.test(url.hostname)) {
    return "The URL's host is a local network name; use a public host name.";
  }
  return null;
}

type LookupCallback = (error: Error | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the host and refuses the connection when any of its
 * addresses is refused by the policy. The connection then goes to the address checked here, so a
 * name that resolves differently a moment later (DNS rebinding) cannot slip through.
 */
export function safeLookup(policy: UrlPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.map((a) => refusedAddress(a.address, policy)).find((reason) => reason);
      if (refused || !addresses.length) {
        return callback(new Error(`Refused: ${hostname} resolves to ${refused ?? "no address"}`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as dns.LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
