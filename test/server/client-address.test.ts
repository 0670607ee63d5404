import type { IncomingMessage } from "node:http";
import { createClientAddress } from "../../src/server/client-address";

function request(peer: string, forwarded?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  } as unknown as IncomingMessage;
}

describe("the client address", () => {
  it("ignores a spoofed X-Forwarded-For without TRUST_PROXY", () => {
    expect(createClientAddress(null)(request("203.0.113.9", "10.9.9.9"))).toBe("203.0.113.9");
  });

  it("reads back as many hops as the count trusts", () => {
    const req = request("10.0.0.2", "198.51.100.7, 192.0.2.1, 10.0.0.1");
    expect(createClientAddress(1)(req)).toBe("10.0.0.1");
    expect(createClientAddress(2)(req)).toBe("192.0.2.1");
    expect(createClientAddress(3)(req)).toBe("198.51.100.7");
  });

  it("trusts only proxies inside the CIDR list", () => {
    const address = createClientAddress(["10.0.0.0/8"]);
    expect(address(request("10.0.0.2", "6.6.6.6, 198.51.100.7"))).toBe("198.51.100.7");
    expect(address(request("203.0.113.9", "198.51.100.7"))).toBe("203.0.113.9");
  });
});
