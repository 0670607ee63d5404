import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { FetchError } from "../../src/fetch/fetch-error";
import { createFetcher, type Fetcher, type FetchRequest } from "../../src/fetch/fetch-source";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

const MAX_BYTES = 64 * 1024;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Ünïcode news</title></channel></rss>`;
const LAST_MODIFIED = "Wed, 04 Feb 2026 23:10:00 GMT";

let server: TestHttpServer;
let fetcher: Fetcher;
const seen: IncomingMessage[] = [];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/feed": (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, {
      "content-type": "application/rss+xml; charset=utf-8",
      etag: '"v1"',
      "last-modified": LAST_MODIFIED,
    });
    res.end(FEED);
  },
  "/dated": (req, res) => {
    if (req.headers["if-modified-since"] === LAST_MODIFIED) return void res.writeHead(304).end();
    res.writeHead(200, { "last-modified": LAST_MODIFIED }).end(FEED);
  },
  "/bom": (_req, res) =>
    res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FEED)])),
  "/gzip": (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(FEED)),
  "/br": (_req, res) =>
    res.writeHead(200, { "content-encoding": "br" }).end(brotliCompressSync(FEED)),
  "/deflate": (_req, res) =>
    res.writeHead(200, { "content-encoding": "deflate" }).end(deflateSync(FEED)),
  // What many servers send for "deflate": the raw stream without the zlib wrapper.
  "/deflate-raw": (_req, res) =>
    res.writeHead(200, { "content-encoding": "deflate" }).end(deflateRawSync(FEED)),
  "/corrupt-gzip": (_req, res) =>
    res.writeHead(200, { "content-encoding": "gzip" }).end(Buffer.from("not gzip at all")),
  "/big": (_req, res) => res.end(Buffer.alloc(MAX_BYTES + 1, "a")),
  "/big-chunked": (_req, res) => {
    res.writeHead(200, { "transfer-encoding": "chunked" });
    for (let i = 0; i < 20; i++) res.write(Buffer.alloc(8 * 1024, "a"));
    res.end();
  },
  "/exactly-max": (_req, res) => res.end(Buffer.alloc(MAX_BYTES, "a")),
  // About 10 KB on the wire, 10 MiB once inflated.
  "/bomb": (_req, res) =>
    res
      .writeHead(200, { "content-encoding": "gzip" })
      .end(gzipSync(Buffer.alloc(10 * 1024 * 1024))),
  "/stall": (_req, res) => {
    res.writeHead(200, { "content-type": "text/xml" });
    res.write("<rss>");
  },
  "/status/500": (_req, res) => res.writeHead(500).end("boom"),
  "/status/404": (_req, res) => res.writeHead(404).end("missing"),
  "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  "/no-location": (_req, res) => res.writeHead(301).end(),
  "/gzip-br": (_req, res) =>
    res.writeHead(200, { "content-encoding": "gzip, br" }).end(brotliCompressSync(gzipSync(FEED))),
  "/gzip-twice-headers": (_req, res) =>
    res
      .writeHead(200, [
        ["content-encoding", "gzip"],
        ["content-encoding", "gzip"],
      ])
      .end(gzipSync(gzipSync(FEED))),
  "/gzip-3": (_req, res) =>
    res
      .writeHead(200, { "content-encoding": "gzip, gzip, gzip" })
      .end(gzipSync(gzipSync(gzipSync(FEED)))),
  "/compress": (_req, res) => res.writeHead(200, { "content-encoding": "compress" }).end("x"),
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push(req);
  const path = req.url ?? "/";
  // /r/N redirects N more times with a relative Location, then serves the feed.
  const hops = /^\/r\/(\d+)$/.exec(path);
  if (hops) {
    const left = Number(hops[1]);
    if (left === 0) return routes["/feed"](req, res);
    return void res.writeHead(left % 2 ? 301 : 302, { location: String(left - 1) }).end();
  }
  const route = routes[path];
  if (route) return route(req, res);
  res.writeHead(404).end();
}

beforeAll(async () => {
  server = await startHttpServer(handle);
  fetcher = createFetcher({
    timeoutMs: 5000,
    maxBytes: MAX_BYTES,
    userAgent: "newsgate-test/1",
    allowPrivateNetworks: true,
  });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const get = (path: string, extra: Partial<FetchRequest> = {}) =>
  fetcher.fetchSource({ url: server.url + path, allowFile: false, ...extra });

/** Returns the FetchError a promise rejects with, failing the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => new Error("expected the fetch to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("fetchSource over HTTP", () => {
  it("returns a 200 body with its content type, validators and final URL", async () => {
    const res = await get("/feed");
    expect(res).toEqual({
      status: 200,
      notModified: false,
      body: FEED,
      contentType: "application/rss+xml; charset=utf-8",
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
      finalUrl: `${server.url}/feed`,
      retryAfterMs: null,
      maxAgeMs: null,
    });
  });

  it("sends the user agent, the feed-first Accept header and the encodings it can decode", async () => {
    await get("/feed");
    const headers = seen[seen.length - 1].headers;
    expect(headers["user-agent"]).toBe("newsgate-test/1");
    expect(headers.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml, /);
    expect(headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(headers["if-none-match"]).toBeUndefined();
  });

  it("sends a source's own user agent instead of the fetcher's", async () => {
    await get("/feed", { userAgent: "special-bot/2" });
    expect(seen[seen.length - 1].headers["user-agent"]).toBe("special-bot/2");
  });

  it("sends the ETag back and reports 304 as not modified with no body", async () => {
    const res = await get("/feed", { etag: '"v1"' });
    expect(seen[seen.length - 1].headers["if-none-match"]).toBe('"v1"');
    expect(res).toMatchObject({ status: 304, notModified: true, body: null, etag: '"v1"' });
  });

  it("sends Last-Modified back as If-Modified-Since and keeps it on a bare 304", async () => {
    const res = await get("/dated", { lastModified: LAST_MODIFIED });
    expect(seen[seen.length - 1].headers["if-modified-since"]).toBe(LAST_MODIFIED);
    expect(res).toMatchObject({ notModified: true, body: null, lastModified: LAST_MODIFIED });
  });

  it("strips a UTF-8 byte order mark", async () => {
    expect((await get("/bom")).body).toBe(FEED);
  });

  it.each(["/gzip", "/br", "/deflate", "/deflate-raw"])(
    "decodes a compressed body (%s)",
    async (path) => {
      expect((await get(path)).body).toBe(FEED);
    },
  );

  it.each(["/gzip-br", "/gzip-twice-headers"])(
    "decodes a body compressed twice (%s)",
    async (path) => {
      expect((await get(path)).body).toBe(FEED);
    },
  );

  it("refuses a body under three stacked content-encodings", async () => {
    const error = await failure(get("/gzip-3"));
    expect(error.kind).toBe("http");
    expect(error.message).toBe(
      `fetch: 3 stacked content-encodings (at most 2 are decoded) from ${server.url}/gzip-3`,
    );
  });

  it("rejects a corrupt compressed body", async () => {
    const error = await failure(get("/corrupt-gzip"));
    expect(error.kind).toBe("http");
    expect(error.message).toContain(`corrupt compressed body from ${server.url}/corrupt-gzip`);
  });

  it("rejects a content-encoding it cannot decode", async () => {
    const error = await failure(get("/compress"));
    expect(error.kind).toBe("http");
    expect(error.message).toBe(
      `fetch: unsupported content-encoding "compress" from ${server.url}/compress`,
    );
  });

  it("accepts a body of exactly the cap", async () => {
    expect((await get("/exactly-max")).body).toHaveLength(MAX_BYTES);
  });

  it.each(["/big", "/big-chunked"])("rejects a body over the cap (%s)", async (path) => {
    const error = await failure(get(path));
    expect(error.kind).toBe("too-large");
    expect(error.message).toBe(`fetch: body larger than 64 KiB from ${server.url}${path}`);
  });

  it("rejects a gzip bomb by its decompressed size", async () => {
    const error = await failure(get("/bomb"));
    expect(error.kind).toBe("too-large");
  });

  it("times out a server that never finishes the body", async () => {
    const quick = createFetcher({
      timeoutMs: 300,
      maxBytes: MAX_BYTES,
      userAgent: "t",
      allowPrivateNetworks: true,
    });
    try {
      const error = await failure(
        quick.fetchSource({ url: `${server.url}/stall`, allowFile: false }),
      );
      expect(error.kind).toBe("timeout");
      expect(error.message).toBe(`fetch: deadline of 300 ms passed fetching ${server.url}/stall`);
    } finally {
      await quick.close();
    }
  });

  it("follows relative redirects and reports the final URL", async () => {
    const res = await get("/r/2");
    expect(res.body).toBe(FEED);
    expect(res.finalUrl).toBe(`${server.url}/r/0`);
  });

  it("follows five redirects but not six", async () => {
    expect((await get("/r/5")).finalUrl).toBe(`${server.url}/r/0`);
    const error = await failure(get("/r/6"));
    expect(error.kind).toBe("redirects");
    expect(error.message).toBe(`fetch: more than 5 redirects from ${server.url}/r/6`);
  });

  it("refuses a redirect to a file: URL", async () => {
    const error = await failure(get("/to-file", { allowFile: true }));
    expect(error.kind).toBe("scheme");
  });

  it("rejects a redirect without a Location", async () => {
    expect((await failure(get("/no-location"))).kind).toBe("http");
  });

  it.each([500, 404])("rejects HTTP %i with its status", async (status) => {
    const error = await failure(get(`/status/${status}`));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(status);
    expect(error.message).toBe(`fetch: HTTP ${status} from ${server.url}/status/${status}`);
  });

  it("keeps credentials out of error messages", async () => {
    const url = server.url.replace("http://", "http://user:secret@") + "/status/500";
    const error = await failure(fetcher.fetchSource({ url, allowFile: false }));
    expect(error.message).not.toContain("secret");
    expect(error.url).not.toContain("secret");
  });

  it("reports a refused connection as a network error", async () => {
    const closed = await startHttpServer(() => undefined);
    await closed.close();
    const error = await failure(
      fetcher.fetchSource({ url: `${closed.url}/feed`, allowFile: false }),
    );
    expect(error.kind).toBe("network");
    expect(error.message).toBe(`fetch: connection refused fetching ${closed.url}/feed`);
  });
});
