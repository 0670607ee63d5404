import { classifyAddress, literalAddress } from "../../src/fetch/address-guard";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.127.255.255", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["240.0.0.1", "reserved"],
  ])("refuses IPv4 %s as %s", (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each([
    ["2130706433", "loopback"],
    ["0x7f.1", "loopback"],
    ["0x7f000001", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["012.0.0.1", "private"],
    ["0xa9.0xfe.0xa9.0xfe", "linkLocal"],
  ])("refuses the IPv4 spelling %s as %s", (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each([
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["febf:ffff::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456:789a::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2001::1", "teredo"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
    ["64:ff9b:1::a00:1", "rfc6052"],
    ["::ffff:0:7f00:1", "rfc6145"],
    ["100::1", "discard"],
  ])("refuses IPv6 %s as %s", (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "loopback"],
    ["::a00:1", "private"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "linkLocal"],
    ["64:ff9b::c0a8:101", "private"],
    ["2002:7f00:1::", "loopback"],
    ["2002:a00:1::1", "private"],
    ["2002:a9fe:a9fe::", "linkLocal"],
  ])("refuses %s, whose embedded IPv4 address is %s", (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "1.1.1.1",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "::808:808",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows the public address %s", (ip) => {
    expect(classifyAddress(ip)).toBeNull();
  });

  it.each(["", "localhost", "example.com", "1.2.3.4.5", "256.0.0.1", " 127.0.0.1", "[::1]"])(
    "refuses %j, which is not an IP address",
    (ip) => {
      expect(classifyAddress(ip)).toBe("invalid");
    },
  );
});

describe("literalAddress", () => {
  it.each([
    ["http://127.0.0.1:8080/feed", "127.0.0.1"],
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://[::1]/", "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[::ffff:7f00:1]/", "::ffff:7f00:1"],
    ["http://[::127.0.0.1]/", "::7f00:1"],
    ["http://[0:0:0:0:0:0:0:1]:80/", "::1"],
  ])("reads %s as the address %s, which is refused", (url, address) => {
    expect(literalAddress(new URL(url))).toBe(address);
    expect(classifyAddress(address)).toBe("loopback");
  });

  it.each(["http://localhost/", "http://example.com/", "http://127.0.0.1.nip.io/"])(
    "leaves the host name in %s to the lookup",
    (url) => {
      expect(literalAddress(new URL(url))).toBeNull();
    },
  );
});
