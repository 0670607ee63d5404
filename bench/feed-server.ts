import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

/** What the feed server serves: `count` feeds cycling over the corpus texts. */
export interface FeedServerData {
  texts: string[];
  /** Each text's host (`news-0042.example.com`); copy c of a feed is served as `news-0042-cC...`. */
  hosts: string[];
  count: number;
}

/** A running feed server. */
export interface FeedServer {
  /** Base URL, e.g. `http://127.0.0.1:43121`; feeds live at `/feed/<n>.xml`. */
  url: string;
  close(): Promise<void>;
}

// Every feed was last modified at this instant (2026-01-15T00:00:00Z) minus its index in minutes.
const LAST_MODIFIED_BASE = Date.UTC(2026, 0, 15);

/**
 * Returns a handler serving `/feed/<n>.xml` with a strong ETag and a Last-Modified, answering 304
 * to a matching If-None-Match (or, without one, to an If-Modified-Since not older than the feed).
 * Copies of a corpus feed get their own host, so their URLs and guids differ from the original's.
 */
export function feedHandler(data: FeedServerData) {
  const digests = data.texts.map((t) => createHash("sha1").update(t).digest("hex").slice(0, 20));
  return (req: IncomingMessage, res: ServerResponse): void => {
    const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? "")?.[1] ?? NaN);
    if (!(n >= 0 && n < data.count)) return void res.writeHead(404).end();
    const base = n % data.texts.length;
    const copy = Math.floor(n / data.texts.length);
    const lastModifiedMs = LAST_MODIFIED_BASE - base * 60_000;
    const headers = {
      etag: `"${digests[base]}-${copy}"`,
      "last-modified": new Date(lastModifiedMs).toUTCString(),
      "cache-control": "max-age=300",
    };
    if (notModified(req, headers.etag, lastModifiedMs))
      return void res.writeHead(304, headers).end();
    const body = Buffer.from(copyOf(data.texts[base], data.hosts[base], copy));
    const type = body[0] === 0x7b ? "application/feed+json" : "application/xml; charset=utf-8";
    res.writeHead(200, { ...headers, "content-type": type, "content-length": body.length });
    res.end(body);
  };
}

function notModified(req: IncomingMessage, etag: string, lastModifiedMs: number): boolean {
  const match = req.headers["if-none-match"];
  if (match !== undefined) return match.split(/\s*,\s*/).some((t) => t === etag || t === "*");
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  return Number.isFinite(since) && since >= Math.floor(lastModifiedMs / 1000) * 1000;
}

function copyOf(text: string, host: string, copy: number): string {
  if (copy === 0) return text;
  const name = host.slice(0, host.indexOf("."));
  return text.replaceAll(`${name}.`, `${name}-c${copy}.`);
}

/** Starts the feed server in a worker thread (so it does not share the client's event loop). */
export function startFeedServer(data: FeedServerData): Promise<FeedServer> {
  const worker = new Worker(join(__dirname, "feed-server-worker.js"), { workerData: data });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (url: string) => {
      resolve({
        url,
        close: async () => {
          worker.postMessage("close");
          await new Promise((done) => worker.once("exit", done));
        },
      });
    });
  });
}
