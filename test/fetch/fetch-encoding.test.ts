import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

const feed = (encoding: string, title: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?>\n` +
  `<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

const KOI8 = feed("KOI8-R", "Главные новости");
const SJIS = feed("Shift_JIS", "今日のニュース");
const CP1251 = feed("windows-1251", "Новости");

/** Path → [content type, body bytes]. */
const bodies: Record<string, [string, Buffer]> = {
  "/koi8r.xml": ["application/rss+xml", iconv.encode(KOI8, "koi8-r")],
  "/sjis.xml": ["text/xml", iconv.encode(SJIS, "shift_jis")],
  // The header is right and the declaration is stale: the header wins.
  "/header-wins.xml": [
    "text/xml; charset=windows-1251",
    iconv.encode(feed("KOI8-R", "Новости"), "windows-1251"),
  ],
  "/controls.xml": ["text/xml", Buffer.from("<rss><title>a\u0000b\u000Bc</title></rss>")],
};

let server: TestHttpServer;
let fetcher: Fetcher;
let dir: string;

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const [type, body] = bodies[req.url ?? ""];
    res.writeHead(200, { "content-type": type }).end(body);
  });
  fetcher = createFetcher({
    timeoutMs: 5000,
    maxBytes: 1024 * 1024,
    userAgent: "newsgate-test",
    allowPrivateNetworks: true,
  });
  dir = await mkdtemp(join(tmpdir(), "newsgate-encoding-"));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = async (path: string) =>
  (await fetcher.fetchSource({ url: server.url + path, allowFile: false })).body;

describe("fetchSource decodes the body's charset", () => {
  it("from the XML declaration of a KOI8-R feed served without an HTTP charset", async () => {
    expect(await get("/koi8r.xml")).toBe(KOI8);
  });

  it("from the XML declaration of a Shift_JIS feed served without an HTTP charset", async () => {
    expect(await get("/sjis.xml")).toBe(SJIS);
  });

  it("from the HTTP charset before the XML declaration", async () => {
    expect(await get("/header-wins.xml")).toBe(feed("KOI8-R", "Новости"));
  });

  it("and removes the control characters XML forbids", async () => {
    expect(await get("/controls.xml")).toBe("<rss><title>abc</title></rss>");
  });

  it("of a file: source with the same decoder", async () => {
    const path = join(dir, "cp1251.xml");
    await writeFile(path, iconv.encode(CP1251, "windows-1251"));
    const res = await fetcher.fetchSource({ url: pathToFileURL(path).href, allowFile: true });
    expect(res.body).toBe(CP1251);
    expect(res).toMatchObject({ retryAfterMs: null, maxAgeMs: null });
  });

  it("of a UTF-16 file: source by its BOM", async () => {
    const path = join(dir, "utf16.xml");
    await writeFile(path, iconv.encode(SJIS, "utf-16be", { addBOM: true }));
    expect(
      (await fetcher.fetchSource({ url: pathToFileURL(path).href, allowFile: true })).body,
    ).toBe(SJIS);
  });
});
