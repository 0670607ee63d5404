import { createRng } from "../prng";
import { ARTICLE, HEADLINES, RECORD_VIEW, requestBody, SEARCH } from "./operations";

/** The parsed JSON of a GraphQL reply. */
export interface GraphqlReply {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

/** One request a workload sends, and what its reply must hold (a problem, or null). */
export interface BenchRequest {
  body: string;
  check(reply: GraphqlReply): string | null;
}

/** The names of the workloads, in the order they run. */
export const WORKLOAD_KEYS = [
  "headlines-5",
  "headlines-50",
  "headlines-100",
  "hot-50",
  "popular-50",
  "article",
  "search-rare",
  "search-common",
  "mixed",
] as const;

/** One workload's name. */
export type WorkloadKey = (typeof WORKLOAD_KEYS)[number];

/** A workload: requests sent in turn (cycled), and whether the baselines serve it. */
export interface Workload {
  key: WorkloadKey;
  requests: BenchRequest[];
  /** Served by bare and apollo too: the same query, the same reply shape. */
  baseline: boolean;
}

/** What the workloads need from the corpus. */
export interface WorkloadInputs {
  /** Full stories to read by id, cycled. */
  storyIds: string[];
  rareWord: string;
  commonWord: string;
  /** Articles holding each word: the search's expected page is min(20, that). */
  rareArticles: number;
  commonArticles: number;
}

const MIX: [WorkloadKey | "record-view", number][] = [
  ["headlines-50", 25],
  ["headlines-5", 10],
  ["headlines-100", 5],
  ["hot-50", 10],
  ["popular-50", 10],
  ["article", 25],
  ["search-common", 5],
  ["search-rare", 5],
  ["record-view", 5],
];
const MIX_LENGTH = 200;

/** Returns every workload, built from the corpus's figures. */
export function createWorkloads(inputs: WorkloadInputs): Workload[] {
  const single: Record<Exclude<WorkloadKey, "mixed">, BenchRequest[]> = {
    "headlines-5": [headlines(5, "LATEST")],
    "headlines-50": [headlines(50, "LATEST")],
    "headlines-100": [headlines(100, "LATEST")],
    "hot-50": [headlines(50, "HOT")],
    "popular-50": [headlines(50, "POPULAR")],
    article: inputs.storyIds.map(article),
    "search-rare": [search(inputs.rareWord, Math.min(20, inputs.rareArticles))],
    "search-common": [search(inputs.commonWord, Math.min(20, inputs.commonArticles))],
  };
  return WORKLOAD_KEYS.map((key) => ({
    key,
    requests: key === "mixed" ? mixed(single, inputs.storyIds) : single[key],
    baseline: key === "headlines-5" || key === "headlines-50" || key === "headlines-100",
  }));
}

// A fixed, seeded list: every run of the mixed workload sends the same requests in turn.
function mixed(single: Record<string, BenchRequest[]>, storyIds: string[]): BenchRequest[] {
  const rng = createRng(20260302);
  const total = MIX.reduce((n, [, weight]) => n + weight, 0);
  const counters = new Map<string, number>();
  return Array.from({ length: MIX_LENGTH }, () => {
    let x = rng.next() * total;
    const [key] = MIX.find(([, weight]) => (x -= weight) < 0) ?? MIX[0];
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    if (key === "record-view") return recordView(storyIds[(n * 7) % storyIds.length]);
    const choices = single[key];
    return choices[n % choices.length];
  });
}

function headlines(first: number, orderBy: string): BenchRequest {
  return {
    body: requestBody(HEADLINES, { first, orderBy }),
    check: (reply) => {
      const edges = (reply.data?.headlines as { edges?: unknown[] } | undefined)?.edges;
      return edges?.length === first ? null : `expected ${first} edges, got ${edges?.length}`;
    },
  };
}

function article(id: string): BenchRequest {
  return {
    body: requestBody(ARTICLE, { id }),
    check: (reply) => {
      const found = reply.data?.article as { id?: string; content?: string | null } | undefined;
      if (found?.id !== id) return `expected article ${id}, got ${found?.id}`;
      return found.content ? null : `article ${id} came without its story`;
    },
  };
}

function search(query: string, expected: number): BenchRequest {
  return {
    body: requestBody(SEARCH, { query }),
    check: (reply) => {
      const edges = (reply.data?.search as { edges?: unknown[] } | undefined)?.edges;
      return edges?.length === expected
        ? null
        : `search "${query}": expected ${expected} hits, got ${edges?.length}`;
    },
  };
}

function recordView(id: string): BenchRequest {
  return {
    body: requestBody(RECORD_VIEW, { id }),
    check: (reply) => {
      const counted = (reply.data?.recordView as { counted?: unknown } | undefined)?.counted;
      return typeof counted === "boolean" ? null : `recordView(${id}) answered no counted flag`;
    },
  };
}
