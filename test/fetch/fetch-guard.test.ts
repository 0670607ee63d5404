import type { LookupAddress } from "node:dns";
import { BlockedAddressError, FetchError } from "../../src/fetch/fetch-error";
import { checkHop, createGuardedConnector, guardedLookup } from "../../src/fetch/fetch-guard";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

let server: TestHttpServer;
let port: string;
let requests = 0;

beforeAll(async () => {
  server = await startHttpServer((_req, res) => {
    requests++;
    res.end("<rss/>");
  });
  port = new URL(server.url).port;
});
afterAll(() => server.close());

/** Returns what a synchronous check throws, failing the test if it does not. */
function thrown(check: () => void): FetchError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected the check to throw");
}

describe("checkHop (run on the first URL and on every redirect target)", () => {
  it.each([
    ["http://127.0.0.1:8080/feed.xml", "127.0.0.1", "loopback"],
    ["http://2130706433/", "127.0.0.1", "loopback"],
    ["http://0x7f.1/", "127.0.0.1", "loopback"],
    ["http://0177.0.0.1/", "127.0.0.1", "loopback"],
    ["https://10.1.2.3/", "10.1.2.3", "private"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254", "linkLocal"],
    ["http://100.64.0.1/", "100.64.0.1", "carrierGradeNat"],
    ["http://0.0.0.0/", "0.0.0.0", "unspecified"],
    ["http://[::1]/", "::1", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1", "loopback"],
    ["http://[::ffff:7f00:1]/", "::ffff:7f00:1", "loopback"],
    ["http://[fd00::1]/", "fd00::1", "uniqueLocal"],
    ["http://[64:ff9b::a00:1]/", "64:ff9b::a00:1", "private"],
    ["http://[2002:c0a8:101::]/", "2002:c0a8:101::", "private"],
  ])("refuses %s as %s (%s)", (url, address, range) => {
    const error = thrown(() => checkHop(new URL(url), false));
    expect(error.kind).toBe("blocked");
    // The message names the URL as parsed, so the odd spellings show what they meant.
    const href = new URL(url).href;
    expect(error.message).toBe(
      `fetch: refused to connect to ${address} (${range}) for ${href}; set ALLOW_PRIVATE_NETWORKS=true to fetch from private networks`,
    );
  });

  it("names the URL without its credentials", () => {
    const error = thrown(() => checkHop(new URL("http://user:secret@127.0.0.1/"), false));
    expect(error.message).toBe(
      "fetch: refused to connect to 127.0.0.1 (loopback) for http://127.0.0.1/" +
        "; set ALLOW_PRIVATE_NETWORKS=true to fetch from private networks",
    );
  });

  it.each(["http://93.184.215.14/", "https://[2606:4700:4700::1111]/", "http://example.com/"])(
    "lets %s through (host names are checked when they resolve)",
    (url) => {
      expect(() => checkHop(new URL(url), false)).not.toThrow();
    },
  );

  it("lets private addresses through when private networks are allowed", () => {
    expect(() => checkHop(new URL("http://127.0.0.1/"), true)).not.toThrow();
  });

  it.each(["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.com/"])(
    "refuses the scheme of %s even when private networks are allowed",
    (url) => {
      expect(thrown(() => checkHop(new URL(url), true)).kind).toBe("scheme");
    },
  );
});

describe("guardedLookup", () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>(
      (resolve) =>
        guardedLookup(host, { all }, (error, address, family) =>
          resolve({ error, address, family }),
        ),
    );

  it("fails for a host name that resolves to loopback", async () => {
    const { error } = await lookup("localhost", true);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ range: "loopback" });
  });

  it("answers with every address when asked for all, or with the first one", async () => {
    expect(await lookup("93.184.215.14", true)).toMatchObject({
      error: null,
      address: [{ address: "93.184.215.14", family: 4 }],
    });
    expect(await lookup("93.184.215.14", false)).toEqual({
      error: null,
      address: "93.184.215.14",
      family: 4,
    });
  });
});

describe("createGuardedConnector", () => {
  it("refuses an IP literal before opening a socket (node:net does not look literals up)", async () => {
    const connect = createGuardedConnector(1000, false);
    const error = await new Promise<Error | null>((resolve) =>
      connect({ hostname: "127.0.0.1", protocol: "http:", port }, (...[error]) => resolve(error)),
    );
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(requests).toBe(0);
  });
});

describe("fetchSource with the guard on", () => {
  let guarded: Fetcher;
  beforeAll(() => {
    guarded = createFetcher({ timeoutMs: 2000, maxBytes: 1024, userAgent: "t" });
  });
  afterAll(() => guarded.close());

  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["2130706433", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1"],
  ])("refuses http://%s:<port>/ before connecting", async (host, address) => {
    const url = `http://${host}:${port}/`;
    const error = await guarded.fetchSource({ url, allowFile: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ kind: "blocked" });
    expect((error as FetchError).message).toBe(
      `fetch: refused to connect to ${address} (loopback) for ${new URL(url).href}; set ALLOW_PRIVATE_NETWORKS=true to fetch from private networks`,
    );
    expect(requests).toBe(0);
  });

  it("refuses http://localhost:<port>/ on the address it resolves to", async () => {
    const url = `http://localhost:${port}/feed.xml`;
    const error = await guarded.fetchSource({ url, allowFile: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ kind: "blocked", url });
    expect((error as FetchError).message).toMatch(
      new RegExp(
        `^fetch: refused to connect to (127\\.0\\.0\\.1|::1) \\(loopback\\) for ${url}; set ALLOW_PRIVATE_NETWORKS=true`,
      ),
    );
    expect(requests).toBe(0);
  });

  it("reaches the same server once private networks are allowed", async () => {
    const open = createFetcher({
      timeoutMs: 2000,
      maxBytes: 1024,
      userAgent: "t",
      allowPrivateNetworks: true,
    });
    try {
      const res = await open.fetchSource({ url: `http://localhost:${port}/`, allowFile: false });
      expect(res.body).toBe("<rss/>");
      expect(requests).toBe(1);
    } finally {
      await open.close();
    }
  });
});
