import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { buildConnector } from "undici";
import { classifyAddress, literalAddress } from "./address-guard";
import { BlockedAddressError, FetchError, blockedError, describeUrl } from "./fetch-error";

/**
 * Checks one hop of a fetch (the first URL or a redirect target) before connecting: http(s)
 * only, and, unless private networks are allowed, no host that is a refused IP literal.
 * Host names are checked on their resolved addresses at connect time.
 */
export function checkHop(url: URL, allowPrivateNetworks: boolean): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const where = describeUrl(url.href);
    throw new FetchError(
      "scheme",
      `fetch: unsupported URL scheme ${url.protocol} in ${where}`,
      where,
    );
  }
  if (allowPrivateNetworks) return;
  const address = literalAddress(url);
  const range = address === null ? null : classifyAddress(address);
  if (address !== null && range !== null) throw blockedError(address, range, url.href);
}

/**
 * Returns an undici connector that refuses unsafe addresses as it connects: IP literals before
 * the socket opens, host names on the very addresses DNS returned, so a host cannot pass the
 * check and then resolve elsewhere (DNS rebinding).
 */
export function createGuardedConnector(
  timeoutMs: number,
  allowPrivateNetworks: boolean,
): buildConnector.connector {
  if (allowPrivateNetworks) return buildConnector({ timeout: timeoutMs });
  const connect = buildConnector({ timeout: timeoutMs, lookup: guardedLookup });
  return (options, callback) => {
    // node:net skips the lookup for an IP literal, so literals are checked here.
    const range = isIP(options.hostname) ? classifyAddress(options.hostname) : null;
    if (range !== null) return callback(new BlockedAddressError(options.hostname, range), null);
    connect(options, callback);
  };
}

/** A `dns.lookup` for node:net that fails when any address of the host is refused. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  const all: LookupOptions & { all: true } = { ...options, all: true };
  dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "");
    // Refusing the whole host when one address is unsafe leaves no round-robin way in.
    for (const { address } of addresses) {
      const range = classifyAddress(address);
      if (range !== null) return callback(new BlockedAddressError(address, range), "");
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
