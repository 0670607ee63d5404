import type { Article } from "../../src/domain/article";
import type { NewsCorpus } from "./news-corpus";

/** What the baselines show of a source. */
export interface SourceCard {
  id: string;
  name: string;
  siteUrl: string | null;
}

/** One page of the LATEST order, shaped as a Relay connection. */
export interface MemoryPage {
  edges: { cursor: string; node: Article }[];
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** The corpus held in memory the way a competent in-memory service would: sorted once. */
export interface MemoryHeadlines {
  /** Newest first (ties by id, descending), `first` after the cursor. */
  page(first: number, after?: string | null): MemoryPage;
  source(id: string): SourceCard | null;
}

/** Sorts the corpus once and keeps its sources in a Map. */
export function createMemoryHeadlines(corpus: NewsCorpus): MemoryHeadlines {
  const latest = [...corpus.articles].sort(compareLatest);
  const sources = new Map<string, SourceCard>(
    corpus.sources.map((s) => [
      s.definition.id,
      { id: s.definition.id, name: s.definition.name, siteUrl: s.siteUrl },
    ]),
  );
  return {
    page(first, after) {
      const start = after ? indexAfter(latest, decodeCursor(after)) : 0;
      const slice = latest.slice(start, start + first);
      const edges = slice.map((node) => ({ cursor: encodeCursor(node), node }));
      return {
        edges,
        totalCount: latest.length,
        pageInfo: {
          hasNextPage: start + slice.length < latest.length,
          hasPreviousPage: start > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
    source: (id) => sources.get(id) ?? null,
  };
}

function compareLatest(a: Position, b: Position): number {
  return b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

interface Position {
  publishedAt: number;
  id: string;
}

// The first index sorting after the cursor's position (binary search).
function indexAfter(sorted: readonly Article[], position: Position): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareLatest(sorted[mid], position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function encodeCursor(a: Position): string {
  return Buffer.from(JSON.stringify([a.publishedAt, a.id])).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Array.isArray(value) || typeof value[0] !== "number" || typeof value[1] !== "string") {
    throw new Error("after: not a cursor from this list");
  }
  return { publishedAt: value[0], id: value[1] };
}
