import { createHostLimiter, hostOf, runPerHost } from "../../src/fetch/host-limiter";

/** A task that runs until released, recording how many of each host run at once. */
function gate() {
  const running = new Map<string, number>();
  const peaks = new Map<string, number>();
  const started: string[] = [];
  const releases: (() => void)[] = [];
  const task = (host: string, name: string) => async () => {
    started.push(name);
    running.set(host, (running.get(host) ?? 0) + 1);
    peaks.set(host, Math.max(peaks.get(host) ?? 0, running.get(host)!));
    await new Promise<void>((resolve) => releases.push(resolve));
    running.set(host, running.get(host)! - 1);
    return name;
  };
  /** Lets every running task finish, then lets the limiter start the next ones. */
  const releaseAll = async () => {
    for (const release of releases.splice(0)) release();
    await flush();
  };
  return { task, started, peaks, releaseAll, pending: () => releases.length };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("host limiter", () => {
  it("runs at most two of six tasks on one host at once while another host proceeds", async () => {
    const limiter = createHostLimiter({ concurrency: 4, hostConcurrency: 2 });
    const g = gate();
    const slow = Array.from({ length: 6 }, (_, i) => limiter.run("a", g.task("a", `a${i}`)));
    const other = [0, 1].map((i) => limiter.run("b", g.task("b", `b${i}`)));
    await flush();
    expect(g.started).toEqual(["a0", "a1", "b0", "b1"]);
    expect(limiter.running()).toBe(4);
    for (let round = 0; round < 4 && g.pending() > 0; round++) await g.releaseAll();
    expect(await Promise.all([...slow, ...other])).toEqual([
      ...["a0", "a1", "a2", "a3", "a4", "a5"],
      ...["b0", "b1"],
    ]);
    expect(g.peaks.get("a")).toBe(2);
    expect(g.peaks.get("b")).toBe(2);
  });

  it("never runs more than the global cap, whatever the hosts", async () => {
    const limiter = createHostLimiter({ concurrency: 3, hostConcurrency: 2 });
    const g = gate();
    const all = ["a", "b", "c", "d"].map((h) => limiter.run(h, g.task(h, h)));
    await flush();
    expect(g.started).toEqual(["a", "b", "c"]);
    await g.releaseAll();
    expect(g.started).toEqual(["a", "b", "c", "d"]);
    await g.releaseAll();
    await expect(Promise.all(all)).resolves.toEqual(["a", "b", "c", "d"]);
  });

  it("drops waiting tasks on clear() and lets running ones finish", async () => {
    const limiter = createHostLimiter({ concurrency: 1, hostConcurrency: 1 });
    const g = gate();
    const first = limiter.run("a", g.task("a", "first"));
    const second = limiter.run("a", g.task("a", "second"));
    await flush();
    expect(limiter.clear()).toBe(1);
    await expect(second).resolves.toBeUndefined();
    await g.releaseAll();
    await expect(first).resolves.toBe("first");
    expect(g.started).toEqual(["first"]);
  });

  it("passes a task's failure on and frees its slot", async () => {
    const limiter = createHostLimiter({ concurrency: 1, hostConcurrency: 1 });
    const failing = limiter.run("a", async () => {
      throw new Error("boom");
    });
    const next = limiter.run("a", async () => "next");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
    expect(limiter.running()).toBe(0);
  });

  it("keeps input order in runPerHost results", async () => {
    const limiter = createHostLimiter({ concurrency: 2, hostConcurrency: 1 });
    const sources = ["https://a.example/1", "https://a.example/2", "https://b.example/1"];
    const results = await runPerHost(
      limiter,
      sources.map((url) => ({ url })),
      async (s) => s.url,
    );
    expect(results).toEqual(sources);
  });

  it.each([
    ["https://News.Example.com:8443/feed.xml", "news.example.com"],
    ["http://news.example.com/other", "news.example.com"],
    ["file:///srv/feeds/a.xml", "file:"],
    ["file:///other/b.xml", "file:"],
  ])("buckets %s under %s", (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});
