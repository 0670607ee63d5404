import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/** Which proxies are trusted to name the client: a hop count, CIDRs, or none (null). */
export type TrustProxy = number | string[] | null;

/**
 * Returns the reader of a request's client address: the peer's, unless the peer is a trusted
 * proxy, in which case `X-Forwarded-For` is read back through trusted hops only (so a client
 * cannot name itself by sending the header).
 */
export function createClientAddress(trust: TrustProxy): (req: IncomingMessage) => string {
  const trusts =
    trust === null
      ? () => false
      : typeof trust === "number"
        ? (_address: string, hop: number) => hop < trust
        : proxyaddr.compile(trust);
  return (req) => proxyaddr(req, trusts);
}
