import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Returns the name of the range that makes an IP address unsafe to fetch from (`loopback`,
 * `private`, `linkLocal`, `uniqueLocal`, `teredo`, ...), or null for a public unicast address.
 * Any spelling ipaddr.js parses is accepted; anything else is `invalid` (refused, never guessed).
 */
export function classifyAddress(ip: string): string | null {
  let address: Address;
  try {
    address = ipaddr.parse(ip);
  } catch {
    return "invalid";
  }
  return address.kind() === "ipv4"
    ? classifyV4(address as ipaddr.IPv4)
    : classifyV6(address as ipaddr.IPv6);
}

/** Returns the IP address a URL names literally (brackets removed), or null for a host name. */
export function literalAddress(url: URL): string | null {
  // The WHATWG parser already turned 2130706433, 0x7f.1 and 0177.0.0.1 into dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? host : null;
}

function classifyV4(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === "unicast" ? null : range;
}

function classifyV6(address: ipaddr.IPv6): string | null {
  const range = address.range();
  const embedded = embeddedV4(address, range);
  // Translation and tunnelling prefixes reach whatever IPv4 address they carry.
  if (embedded) return classifyV4(embedded);
  return range === "unicast" ? null : range;
}

/** Returns the IPv4 address inside a mapped, compatible, NAT64 or 6to4 address. */
function embeddedV4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const p = address.parts;
  const zeros = (from: number, to: number): boolean => p.slice(from, to).every((x) => x === 0);
  if (range === "ipv4Mapped") return fromWords(p[6], p[7]);
  // ::a.b.c.d, deprecated IPv4-compatible; ipaddr.js calls it unicast (:: and ::1 are caught first).
  if (range === "unicast" && zeros(0, 6)) return fromWords(p[6], p[7]);
  // Only the well-known /96 NAT64 prefix has a fixed place for the IPv4 part; 64:ff9b:1::/48 stays refused.
  if (range === "rfc6052" && zeros(2, 6)) return fromWords(p[6], p[7]);
  if (range === "6to4") return fromWords(p[1], p[2]);
  return null;
}

function fromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
