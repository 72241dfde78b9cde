import "server-only";
import { lookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * SSRF guard. A webhook URL is typed by a dealer admin, and the dispatcher POSTs to it from inside our
 * network, so in production it may not reach loopback, private, link-local (cloud metadata), CGNAT,
 * multicast or reserved addresses. The check runs in the socket's own DNS lookup — the address checked
 * is the address connected to — so a host that resolves to a public address at one moment and to
 * 127.0.0.1 the next (DNS rebinding) gains nothing. Redirects are never followed, so they cannot lead
 * elsewhere either. `WEBHOOK_ALLOW_PRIVATE=1` lifts the guard (tests, on-premises receivers); outside
 * production it is off, so a developer can point an endpoint at a local receiver.
 */

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
// BlockList matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 rules by itself.
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Whether webhook targets on private networks are allowed right now (read per call: tests change it). */
export function privateTargetsAllowed(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE === "1" || process.env.NODE_ENV !== "production";
}

export class BlockedAddressError extends Error {
  constructor(host: string) {
    super(`${host} resolves to a private or reserved address; refused (set WEBHOOK_ALLOW_PRIVATE=1 to allow)`);
    this.name = "BlockedAddressError";
  }
}

/** The hostname of a URL as an IP literal, or null when it is a name (URL keeps IPv6 in brackets). */
export function ipLiteral(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? host : null;
}

/** A `lookup` for http.request that refuses a name when any of its addresses is private. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
    if (error) return callback(error, "");
    if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
      return callback(Object.assign(new BlockedAddressError(hostname), { code: "EBLOCKED" }), "");
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  });
};
