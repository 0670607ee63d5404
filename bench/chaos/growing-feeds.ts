import type { IncomingMessage, ServerResponse } from "node:http";
import { startHttpServer } from "../support/http-server";

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
export async function startGrowingFeeds(opts: GrowingFeedsOptions): Promise<GrowingFeeds> {
  const now = opts.now ?? Date.now;
  const start = now();
  const served = new Map(opts.sources.map((s) => [s, new Set<string>()]));
  let delayMs = 0;
  let requests = 0;
  const answer = (source: string, res: ServerResponse) => {
    if (res.destroyed) return;
    const newest = Math.floor((now() - start) / opts.stepMs);
    const shown: number[] = [];
    for (let i = newest; i >= 0 && i > newest - opts.window; i--) shown.push(i);
    const items = shown.map((i) => itemXml(source, i, start + i * opts.stepMs));
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    // Served once the whole answer is written: only then can an ingest have read it.
    res.end(feedXml(source, items), () => {
      for (const i of shown) served.get(source)!.add(guidOf(source, i));
    });
  };
  const server = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const source = /^\/([\w-]+)\.xml$/.exec(req.url ?? "")?.[1];
    if (source === undefined || !served.has(source)) return void res.writeHead(404).end();
    requests++;
    if (delayMs > 0) setTimeout(() => answer(source, res), delayMs);
    else answer(source, res);
  });
  return {
    url: server.url,
    served: () => served,
    requests: () => requests,
    setDelay: (ms) => void (delayMs = ms),
    close: () => server.close(),
  };
}

const guidOf = (source: string, i: number) => `${source}-${i}`;

function itemXml(source: string, i: number, publishedAt: number): string {
  return (
    `<item><title>${source} story ${i}</title>` +
    `<link>https://${source}.news.example/story/${i}</link>` +
    `<guid isPermaLink="false">${guidOf(source, i)}</guid>` +
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
