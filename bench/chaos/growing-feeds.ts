import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** RSS feeds that gain an item every `stepMs`, remembering every item they ever served. */
export interface GrowingFeeds {
  /** Base URL; source `s` is at `/s.xml`. */
  url: string;
  /** Every guid served in a 200 answer, per source: what must end up stored. */
  served(): Map<string, Set<string>>;
  /** Requests received, answered or not. */
  requests(): number;
  /** Holds every answer for `ms` (a slow origin), or answers at once again with 0. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** Options of {@link startGrowingFeeds}. */
export interface GrowingFeedsOptions {
  sources: readonly string[];
  /** A new item in every feed this often. */
  stepMs: number;
  /** The newest this many items are in a feed (older ones drop off, as in real feeds). */
  window: number;
  now?: () => number;
}

/** Starts the feed server on 127.0.0.1 and a free port. */
export function startGrowingFeeds(opts: GrowingFeedsOptions): Promise<GrowingFeeds> {
  const now = opts.now ?? Date.now;
  const start = now();
  const served = new Map(opts.sources.map((s) => [s, new Set<string>()]));
  let delayMs = 0;
  let requests = 0;
  const answer = (source: string, res: ServerResponse) => {
    if (res.destroyed) return;
    const newest = Math.floor((now() - start) / opts.stepMs);
    const items: string[] = [];
    for (let i = newest; i >= 0 && i > newest - opts.window; i--) {
      const guid = `${source}-${i}`;
      items.push(itemXml(source, i, guid, start + i * opts.stepMs));
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(feedXml(source, items), () => {
      for (let i = newest; i >= 0 && i > newest - opts.window; i--)
        served.get(source)!.add(`${source}-${i}`);
    });
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const source = /^\/([\w-]+)\.xml$/.exec(req.url ?? "")?.[1];
    if (source === undefined || !served.has(source)) return void res.writeHead(404).end();
    requests++;
    if (delayMs > 0) setTimeout(() => answer(source, res), delayMs);
    else answer(source, res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        served: () => served,
        requests: () => requests,
        setDelay: (ms) => void (delayMs = ms),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function itemXml(source: string, i: number, guid: string, publishedAt: number): string {
  return (
    `<item><title>${source} story ${i}</title>` +
    `<link>https://${source}.news.example/story/${i}</link>` +
    `<guid isPermaLink="false">${guid}</guid>` +
    `<pubDate>${new Date(publishedAt).toUTCString()}</pubDate>` +
    `<description>Report number ${i} from ${source}, written for the chaos run.</description></item>`
  );
}

function feedXml(source: string, items: string[]): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>` +
    `<title>${source}</title><link>https://${source}.news.example/</link>` +
    `<description>${source} news</description>${items.join("")}</channel></rss>`
  );
}
