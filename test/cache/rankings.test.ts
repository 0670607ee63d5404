import { createMemoryGenerations } from "../../src/cache/generations";
import { createMemoryCache } from "../../src/cache/memory-cache";
import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import { createRankings, RANKING_SLOT_MS } from "../../src/cache/rankings";
import { createMemoryValueCache } from "../../src/cache/value-cache";
import type { Store } from "../../src/store/store";
import { countCalls } from "../support/count-calls";
import { listBackends, makeArticle, makeSource, useStore } from "../store/store-backends";

const HOUR = 3600_000;

describe.each(listBackends())("rankings on $name", (backend) => {
  const ctx = useStore(backend);

  async function setup(store: Store) {
    let now = Date.UTC(2026, 11, 3, 12, 0, 0);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([
      makeArticle("old-read", { publishedAt: now - 30 * HOUR }),
      makeArticle("fresh", { publishedAt: now - HOUR }),
      makeArticle("older", { publishedAt: now - 5 * HOUR }),
    ]);
    const counted = countCalls(store);
    const views = createMemoryViewCounter();
    const generations = createMemoryGenerations();
    const rankings = createRankings({
      store: counted.proxy,
      views,
      generations,
      lists: createMemoryValueCache({ maxEntries: 100 }),
      claims: createMemoryCache({ maxEntries: 100 }),
      keyOf: (name, generation) => `${name}:${generation}`,
      now: () => now,
    });
    const view = async (id: string, times: number) => {
      for (let i = 0; i < times; i++) await views.record(id, `reader-${id}-${i}`, now);
    };
    return { rankings, counted, generations, view, pass: (ms: number) => void (now += ms) };
  }

  it("ranks HOT once per generation and serves the kept list until something changes", async () => {
    const { rankings, counted, generations, view } = await setup(ctx.store());
    await view("old-read", 40);
    const first = await rankings.get("hot");
    expect(first.ids).toEqual(["old-read", "fresh", "older"]);
    const reads = counted.total();
    expect((await rankings.get("hot")).ids).toBe(first.ids);
    expect(counted.total()).toBe(reads);
    await view("older", 400);
    await generations.bump("views");
    const after = await rankings.get("hot");
    expect(after.generation).not.toBe(first.generation);
    expect(after.ids[0]).toBe("older");
  });

  it("keeps an older generation for a client paging through it", async () => {
    const { rankings, generations, view } = await setup(ctx.store());
    await view("fresh", 3);
    const before = await rankings.get("popular-day");
    await view("older", 10);
    await generations.bump("views");
    expect((await rankings.get("popular-day")).ids).toEqual(["older", "fresh"]);
    expect((await rankings.get("popular-day", before.generation)).ids).toEqual(["fresh"]);
    expect((await rankings.get("popular-day", "no-such-generation")).ids).toEqual([
      "older",
      "fresh",
    ]);
  });

  it("makes a ranking afresh each minute even when nothing is viewed or ingested", async () => {
    const { rankings, pass } = await setup(ctx.store());
    const first = await rankings.get("hot");
    pass(RANKING_SLOT_MS);
    expect((await rankings.get("hot")).generation).not.toBe(first.generation);
  });

  it("computes every ranking ahead of requests on refresh", async () => {
    const { rankings, counted, view } = await setup(ctx.store());
    await view("fresh", 1);
    await rankings.refresh();
    const reads = counted.total();
    for (const name of ["hot", "popular-hour", "popular-day", "popular-week"] as const) {
      expect((await rankings.get(name)).ids.length).toBeGreaterThan(0);
    }
    expect(counted.total()).toBe(reads);
  });
});
