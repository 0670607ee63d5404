import type { Browser } from "playwright-core";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { itInBrowser, launchChromium } from "../support/browser";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { makeArticle, makeSource } from "../store/store-backends";
import { testConfig } from "../support/test-config";

// The app's page: it calls the gateway from its own origin and reports what it got.
const APP_PAGE = `<!doctype html><meta charset="utf-8"><title>app</title><script>
async function ask(url, headers) {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "{ headlines(first: 1) { edges { node { title } } } }" }),
    });
    return { status: res.status, cache: res.headers.get("x-newsgate-cache"), body: await res.json() };
  } catch (error) {
    return { failed: String(error) };
  }
}
</script>`;

describe("a browser app on another origin", () => {
  let gateway: Running;
  let app: TestHttpServer;
  let browser: Browser | undefined;
  const it = itInBrowser();

  beforeAll(async () => {
    app = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(APP_PAGE);
    });
    const config = testConfig({ cors: { origins: [app.url], credentials: false } });
    const store = await createStore(config.databaseUrl);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("a1", { title: "Seen from the browser" })]);
    await store.close();
    gateway = await startServer(config, createLogger({ level: "silent" }));
  });
  afterAll(async () => {
    await browser?.close();
    await gateway.stop();
    await app.close();
  });

  async function askFrom(origin: string, headers: Record<string, string> = {}) {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      return await page.evaluate(
        ([url, extra]) =>
          (window as unknown as { ask: (u: string, h: object) => Promise<unknown> }).ask(
            url,
            extra,
          ),
        [gateway.url!, headers] as const,
      );
    } finally {
      await page.close();
    }
  }

  it("reads headlines when its origin is allowed, with a preflight (JSON and an API key header)", async () => {
    const answer = await askFrom(app.url, { authorization: "Bearer not-a-key-but-a-header" });
    expect(answer).toMatchObject({
      status: 200,
      body: { data: { headlines: { edges: [{ node: { title: "Seen from the browser" } }] } } },
    });
  });

  it("is refused by the browser from an origin not on the list", async () => {
    // localhost is another origin than 127.0.0.1 for the browser, though the same server.
    const other = app.url.replace("127.0.0.1", "localhost");
    expect(await askFrom(other)).toEqual({ failed: "TypeError: Failed to fetch" });
  });
});
