import type { IncomingMessage, ServerResponse } from "node:http";
import { FetchError } from "../../src/fetch/fetch-error";
import { parseFetchHints, parseMaxAge, parseRetryAfter } from "../../src/fetch/fetch-hints";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

const NOW = Date.parse("2026-02-04T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120_000],
    [" 0 ", 0],
    ["Wed, 04 Feb 2026 12:01:30 GMT", 90_000],
    ["Wednesday, 04-Feb-26 12:00:10 GMT", 10_000],
    ["Wed Feb  4 12:00:05 2026", 5_000],
    ["Wed, 04 Feb 2026 11:00:00 GMT", 0],
  ])("reads %j as %i ms from now", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([null, "", "-5", "1.5", "soon", "5 minutes", "Wed, 99 Foo 2026"])(
    "ignores %j",
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    },
  );
});

describe("parseMaxAge", () => {
  it.each([
    ["max-age=300", 300_000],
    ["public, max-age=60", 60_000],
    ["MAX-AGE = 60", 60_000],
    ['max-age="30"', 30_000],
    ["max-age=0", 0],
    ["s-maxage=600, max-age=60", 60_000],
    ["max-age=60, max-age=120", 60_000],
  ])("reads %j as %i ms", (value, ms) => {
    expect(parseMaxAge(value)).toBe(ms);
  });

  it.each([
    null,
    "",
    "public",
    "s-maxage=600",
    "max-age=60, no-cache",
    "no-store, max-age=60",
    'no-cache="set-cookie", max-age=60',
    "max-age=-1",
    "max-age=abc",
  ])("gives no max age for %j", (value) => {
    expect(parseMaxAge(value)).toBeNull();
  });
});

describe("parseFetchHints", () => {
  it("reads both headers", () => {
    expect(parseFetchHints("60", "max-age=300", NOW)).toEqual({
      retryAfterMs: 60_000,
      maxAgeMs: 300_000,
    });
  });
});

describe("fetchSource reports the hints", () => {
  let server: TestHttpServer;
  let fetcher: Fetcher;
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    "/fresh": (_req, res) =>
      res
        .writeHead(200, { "cache-control": "public, max-age=900", "retry-after": "1800" })
        .end("x"),
    "/split": (_req, res) => {
      res.setHeader("cache-control", ["public", "max-age=60"]);
      res.writeHead(200).end();
    },
    "/no-store": (_req, res) => res.writeHead(200, { "cache-control": "no-store" }).end("x"),
    "/same": (_req, res) => res.writeHead(304, { "cache-control": "max-age=120" }).end(),
    "/429": (_req, res) => res.writeHead(429, { "retry-after": "3600" }).end(),
    "/503": (_req, res) => res.writeHead(503, { "retry-after": "120" }).end(),
    "/500": (_req, res) => res.writeHead(500, { "retry-after": "120" }).end(),
  };

  beforeAll(async () => {
    server = await startHttpServer((req, res) => routes[req.url ?? ""](req, res));
    fetcher = createFetcher({
      timeoutMs: 5000,
      maxBytes: 1024,
      userAgent: "t",
      allowPrivateNetworks: true,
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  const get = (path: string) => fetcher.fetchSource({ url: server.url + path, allowFile: false });
  const failure = (path: string) =>
    get(path).then(
      () => {
        throw new Error("expected the fetch to fail");
      },
      (e: unknown) => e as FetchError,
    );

  it("on a 200", async () => {
    expect(await get("/fresh")).toMatchObject({ retryAfterMs: 1_800_000, maxAgeMs: 900_000 });
  });

  it("from a Cache-Control header sent twice", async () => {
    expect((await get("/split")).maxAgeMs).toBe(60_000);
  });

  it("as no max age when the body must not be stored", async () => {
    expect(await get("/no-store")).toMatchObject({ retryAfterMs: null, maxAgeMs: null });
  });

  it("on a 304", async () => {
    expect(await get("/same")).toMatchObject({ notModified: true, maxAgeMs: 120_000 });
  });

  it.each([
    ["/429", 429, 3_600_000],
    ["/503", 503, 120_000],
  ])("on the error for %s", async (path, status, ms) => {
    const error = await failure(path);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ kind: "http", status, retryAfterMs: ms });
  });

  it("but not on other HTTP errors", async () => {
    expect(await failure("/500")).toMatchObject({ status: 500, retryAfterMs: null });
  });
});
