import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FetchError } from "../../src/fetch/fetch-error";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";

const MAX_BYTES = 64 * 1024;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Ünïcode news</title></channel></rss>`;

let fetcher: Fetcher;
let dir: string;

beforeAll(async () => {
  fetcher = createFetcher({ timeoutMs: 5000, maxBytes: MAX_BYTES, userAgent: "newsgate-test/1" });
  dir = await mkdtemp(join(tmpdir(), "newsgate-fetch-"));
});
afterAll(async () => {
  await fetcher.close();
  await rm(dir, { recursive: true, force: true });
});

/** Returns the FetchError a promise rejects with, failing the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => new Error("expected the fetch to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("fetchSource for other schemes", () => {
  it("reads a file: URL when allowed", async () => {
    const path = join(dir, "feed.xml");
    await writeFile(path, "\uFEFF" + FEED);
    const url = pathToFileURL(path).href;
    const res = await fetcher.fetchSource({ url, allowFile: true });
    expect(res).toMatchObject({ status: 200, notModified: false, body: FEED, finalUrl: url });
    expect(res.contentType).toBe("application/xml");
  });

  it("refuses a file: URL when not allowed", async () => {
    const path = join(dir, "secret.xml");
    await writeFile(path, FEED);
    const error = await failure(
      fetcher.fetchSource({ url: pathToFileURL(path).href, allowFile: false }),
    );
    expect(error.kind).toBe("scheme");
  });

  it("caps the size of a file too", async () => {
    const path = join(dir, "big.xml");
    await writeFile(path, Buffer.alloc(MAX_BYTES + 1, "a"));
    const error = await failure(
      fetcher.fetchSource({ url: pathToFileURL(path).href, allowFile: true }),
    );
    expect(error.kind).toBe("too-large");
  });

  it("reports a missing file", async () => {
    const url = pathToFileURL(join(dir, "missing.xml")).href;
    const error = await failure(fetcher.fetchSource({ url, allowFile: true }));
    expect(error.kind).toBe("file");
    expect(error.message).toBe(`fetch: cannot read ${url}: no such file`);
  });

  it.each(["ftp://example.com/feed.xml", "javascript:alert(1)", "not a url"])(
    "refuses %s",
    async (url) => {
      const error = await failure(fetcher.fetchSource({ url, allowFile: true }));
      expect(error.kind).toBe("scheme");
    },
  );
});
