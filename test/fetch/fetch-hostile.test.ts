import type { IncomingMessage, ServerResponse } from "node:http";
import { FetchError } from "../../src/fetch/fetch-error";
import { createFetcher, type Fetcher, type FetcherOptions } from "../../src/fetch/fetch-source";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { startUnacceptingServer } from "../support/unaccepting-server";

const MiB = 1024 * 1024;
let server: TestHttpServer;
const fetchers: Fetcher[] = [];

/** What the streaming routes did before the client went away. */
const drip = { bytes: 0, closed: false };
const flood = { bytes: 0, closed: Promise.resolve() };

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/loop/a": (_req, res) => res.writeHead(302, { location: "/loop/b" }).end(),
  "/loop/b": (_req, res) => res.writeHead(301, { location: "/loop/a#again" }).end(),
  "/self": (_req, res) => res.writeHead(307, { location: "/self" }).end(),
  "/drip": (_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    const timer = setInterval(() => res.write("<", () => drip.bytes++), 500);
    res.on("close", () => {
      clearInterval(timer);
      drip.closed = true;
    });
  },
  "/silent": () => undefined,
  "/flood": (_req, res) => {
    flood.closed = new Promise((done) => res.on("close", done));
    streamLazily(res, 200 * MiB);
  },
  "/empty": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(),
};

/** Writes `total` bytes in 64 KiB chunks as the client reads them, never holding more. */
function streamLazily(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, "a");
  res.writeHead(200, { "content-type": "application/rss+xml" });
  const pump = (): void => {
    while (flood.bytes < total && !res.destroyed) {
      flood.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = await startHttpServer((req, res) => routes[req.url ?? ""]?.(req, res));
});
afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await server.close();
});

function fetcherWith(opts: Partial<FetcherOptions>): Fetcher {
  const fetcher = createFetcher({
    timeoutMs: 5000,
    maxBytes: MiB,
    userAgent: "newsgate-test",
    allowPrivateNetworks: true,
    ...opts,
  });
  fetchers.push(fetcher);
  return fetcher;
}

async function failure(fetcher: Fetcher, path: string): Promise<FetchError> {
  const error = await fetcher.fetchSource({ url: server.url + path, allowFile: false }).then(
    () => new Error("expected the fetch to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("fetchSource against hostile servers", () => {
  it("refuses a redirect loop A → B → A", async () => {
    const error = await failure(fetcherWith({}), "/loop/a");
    expect(error.kind).toBe("redirects");
    expect(error.message).toBe(
      `fetch: redirect loop back to ${server.url}/loop/a#again from ${server.url}/loop/a`,
    );
  });

  it("refuses a page that redirects to itself", async () => {
    expect((await failure(fetcherWith({}), "/self")).kind).toBe("redirects");
  });

  it("ends a body sent one byte every 500 ms at the total deadline", async () => {
    const error = await failure(fetcherWith({ timeoutMs: 1500 }), "/drip");
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe(`fetch: deadline of 1500 ms passed fetching ${server.url}/drip`);
    // Bytes kept arriving well inside undici's 1500 ms idle timeouts, and the failure is the
    // deadline's abort, not an undici headers or body timeout.
    expect(drip.bytes).toBeGreaterThanOrEqual(2);
    expect((error.cause as Error).name).toBe("AbortError");
    await waitFor(() => drip.closed);
  });

  it("times out a server that accepts the connection and never answers", async () => {
    const error = await failure(fetcherWith({ timeoutMs: 300 }), "/silent");
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe(`fetch: deadline of 300 ms passed fetching ${server.url}/silent`);
  });

  it("gives up on a connection that does not open within the connect timeout, not at the deadline", async () => {
    const unaccepting = await startUnacceptingServer();
    try {
      const fetcher = fetcherWith({ timeoutMs: 5000, connectTimeoutMs: 300 });
      const error = await fetcher
        .fetchSource({ url: `${unaccepting.url}/feed`, allowFile: false })
        .then(
          () => new Error("expected the fetch to fail"),
          (e: unknown) => e as FetchError,
        );
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).kind).toBe("timeout");
      expect(error.message).toBe(
        `fetch: connect timeout after 300 ms fetching ${unaccepting.url}/feed`,
      );
    } finally {
      await unaccepting.close();
    }
  });

  it("stops reading a 200 MB body at a 10 MiB cap and closes the connection", async () => {
    const error = await failure(fetcherWith({ maxBytes: 10 * MiB }), "/flood");
    expect(error.kind).toBe("too-large");
    expect(error.message).toBe(`fetch: body larger than 10 MiB from ${server.url}/flood`);
    await flood.closed;
    // Only the cap plus what sat in socket buffers was ever sent.
    expect(flood.bytes).toBeLessThan(40 * MiB);
  });

  it("returns an empty 200 body as empty text", async () => {
    const res = await fetcherWith({}).fetchSource({
      url: `${server.url}/empty`,
      allowFile: false,
    });
    expect(res).toMatchObject({ status: 200, notModified: false, body: "" });
  });
});

/** Resolves once a condition holds, polling briefly (the server sees a close a tick late). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
