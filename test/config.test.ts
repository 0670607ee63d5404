import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, loadConfig } from "../src/config";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "newsgate-config-"));
}

function sourcesFile(dir: string, body: unknown): string {
  const path = join(dir, "newsgate.config.json");
  writeFileSync(path, typeof body === "string" ? body : JSON.stringify(body));
  return path;
}

describe("loadConfig", () => {
  it("runs on embedded defaults with no environment at all", () => {
    const dir = tempDir();
    const config = loadConfig({}, { cwd: dir, packageRoot: dir });
    expect(config).toMatchObject({
      env: "development",
      host: "127.0.0.1",
      port: 4000,
      databaseUrl: "sqlite:./data/newsgate.db",
      redisUrl: null,
      cachePrefix: "ng:",
      sourcesFile: null,
      sources: [],
      fetch: { timeoutMs: 15000, maxBytes: 10 * 1024 * 1024 },
    });
  });

  it("leases for 30 s, renews every third of the lease, and names no worker by default", () => {
    const dir = tempDir();
    expect(loadConfig({}, { cwd: dir, packageRoot: dir }).scheduler).toMatchObject({
      leaseMs: 30_000,
      renewMs: 10_000,
      workerId: null,
    });
    const env = { LEASE_MS: "9000", LEASE_RENEW_MS: "2000", WORKER_ID: "worker-a" };
    expect(loadConfig(env, { cwd: dir, packageRoot: dir }).scheduler).toMatchObject({
      leaseMs: 9000,
      renewMs: 2000,
      workerId: "worker-a",
    });
    const slowBeat = { LEASE_MS: "9000", LEASE_RENEW_MS: "5000" };
    expect(() => loadConfig(slowBeat, { cwd: dir, packageRoot: dir })).toThrow(/LEASE_RENEW_MS/);
  });

  it("reads the bundled example sources when no config file is given", () => {
    const config = loadConfig({}, { cwd: tempDir(), packageRoot: join(__dirname, "..") });
    expect(config.sourcesFile).toMatch(/examples[/\\]newsgate\.config\.json$/);
    expect(config.sources.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ PORT: "eighty" }, /^PORT: must be a whole number between 1 and 65535/],
    [{ PORT: "70000" }, /^PORT: /],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: must start with sqlite: or postgres:\/\//],
    [{ REDIS_URL: "localhost:6379" }, /^REDIS_URL: must start with redis:\/\//],
    [{ NODE_ENV: "staging" }, /^NODE_ENV: /],
    [{ SCHEDULER_ENABLED: "yes" }, /^SCHEDULER_ENABLED: /],
    [{ CACHE_PREFIX: "has space" }, /^CACHE_PREFIX: /],
  ])("refuses %j with a message naming the key", (env, message) => {
    const dir = tempDir();
    expect(() => loadConfig(env, { cwd: dir, packageRoot: dir })).toThrow(ConfigError);
    expect(() => loadConfig(env, { cwd: dir, packageRoot: dir })).toThrow(message);
  });

  it("resolves file sources relative to the config file and keeps http ones", () => {
    const dir = tempDir();
    const path = sourcesFile(dir, {
      sources: [
        { id: "local", name: "Local", url: "feeds/a.xml" },
        {
          id: "remote",
          name: "Remote",
          url: "https://Example.com/feed.xml",
          kind: "atom",
          intervalSeconds: 300,
        },
      ],
    });
    const config = loadConfig({ NEWSGATE_CONFIG: path }, { cwd: "/", packageRoot: dir });
    expect(config.sources).toEqual([
      {
        id: "local",
        name: "Local",
        url: pathToFileURL(join(dir, "feeds/a.xml")).href,
        kind: "rss",
        intervalSeconds: null,
        schedule: null,
        userAgent: null,
        tags: [],
        fullText: false,
        selectors: null,
      },
      {
        id: "remote",
        name: "Remote",
        url: "https://example.com/feed.xml",
        kind: "atom",
        intervalSeconds: 300,
        schedule: null,
        userAgent: null,
        tags: [],
        fullText: false,
        selectors: null,
      },
    ]);
  });

  it("reads a cron schedule, a user agent, tags and fullText; no interval or schedule is adaptive", () => {
    const dir = tempDir();
    const path = sourcesFile(dir, {
      sources: [
        {
          id: "cron",
          name: "Cron",
          url: "https://a.example/feed.xml",
          schedule: "0 6 * * 1-5",
          userAgent: "Reader/1.0 (+https://reader.example)",
          tags: ["World", " Politics "],
          fullText: true,
        },
        { id: "paced", name: "Paced", url: "https://b.example/feed.xml" },
      ],
    });
    const config = loadConfig({ NEWSGATE_CONFIG: path }, { cwd: dir, packageRoot: dir });
    expect(config.sources).toEqual([
      expect.objectContaining({
        id: "cron",
        intervalSeconds: null,
        schedule: "0 6 * * 1-5",
        userAgent: "Reader/1.0 (+https://reader.example)",
        tags: ["World", "Politics"],
        fullText: true,
      }),
      expect.objectContaining({ id: "paced", schedule: null, tags: [], fullText: false }),
    ]);
  });

  it.each([
    [
      { sources: [{ id: "Bad Id", name: "x", url: "https://a.example/" }] },
      /sources\.0\.id: must be a lower-case slug/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", intervalSeconds: 5 }] },
      /sources\.0\.intervalSeconds/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", intervalSeconds: 90_000 }] },
      /sources\.0\.intervalSeconds/,
    ],
    [
      {
        sources: [
          {
            id: "a",
            name: "x",
            url: "https://a.example/",
            kind: "html",
            selectors: { item: "div[" },
          },
        ],
      },
      /sources\.0\.selectors\.item: not a CSS selector/,
    ],
    [
      {
        sources: [{ id: "a", name: "x", url: "https://a.example/", selectors: { item: ".card" } }],
      },
      /sources\.0\.selectors: selectors read pages: give them to a source of kind html/,
    ],
    [
      {
        sources: [
          {
            id: "a",
            name: "x",
            url: "https://a.example/",
            kind: "html",
            selectors: { title: "h2" },
          },
        ],
      },
      /sources\.0\.selectors\.item: Required/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", schedule: "every day" }] },
      /sources\.0\.schedule: cron expression is not a valid cron expression/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", schedule: "*/10 * * * * *" }] },
      /sources\.0\.schedule: cron expression fires more than once a minute/,
    ],
    [
      {
        sources: [
          {
            id: "a",
            name: "x",
            url: "https://a.example/",
            schedule: "@hourly",
            intervalSeconds: 600,
          },
        ],
      },
      /sources\.0\.schedule: give either schedule or intervalSeconds, not both/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", userAgent: "x".repeat(301) }] },
      /sources\.0\.userAgent/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", tags: ["ok", 7] }] },
      /sources\.0\.tags\.1/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "ftp://a.example/feed" }] },
      /sources\.0\.url: scheme not allowed/,
    ],
    [
      { sources: [{ id: "a", name: "x", url: "https://a.example/", colour: "red" }] },
      /sources\.0: Unrecognized key/,
    ],
    [
      {
        sources: [
          { id: "a", name: "x", url: "https://a.example/" },
          { id: "a", name: "y", url: "https://b.example/" },
        ],
      },
      /sources\.1\.id: duplicate id "a"/,
    ],
    ["{ not json", /NEWSGATE_CONFIG: cannot read .*newsgate\.config\.json/],
  ])("refuses a bad sources file: %j", (body, message) => {
    const dir = tempDir();
    const path = sourcesFile(dir, body);
    expect(() => loadConfig({ NEWSGATE_CONFIG: path }, { cwd: dir, packageRoot: dir })).toThrow(
      message,
    );
  });

  it("names the missing file when NEWSGATE_CONFIG points nowhere", () => {
    const dir = tempDir();
    expect(() =>
      loadConfig({ NEWSGATE_CONFIG: "missing.json" }, { cwd: dir, packageRoot: dir }),
    ).toThrow(/NEWSGATE_CONFIG: cannot read .*missing\.json/);
  });
});

describe("API_KEYS", () => {
  it("reads comma-separated keys, and refuses short or odd ones naming the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsgate-keys-"));
    const opts = { cwd: dir, packageRoot: dir };
    expect(loadConfig({}, opts).apiKeys).toEqual([]);
    const keys = "first-key-0123456789,second-key-abcdefghij";
    expect(loadConfig({ API_KEYS: keys }, opts).apiKeys).toEqual(keys.split(","));
    expect(() => loadConfig({ API_KEYS: "short" }, opts)).toThrow(
      /^API_KEYS: must be comma-separated keys/,
    );
  });
});

describe("rate limit keys", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgate-rates-"));
  const load = (env: Record<string, string>) => loadConfig(env, { cwd: dir, packageRoot: dir });

  it("limits anonymous clients to 6000 a minute by default, and API keys not at all", () => {
    expect(load({}).rateLimit).toEqual({
      anonymous: { perMinute: 6000, burst: 6000 },
      apiKey: null,
    });
  });

  it("reads both rates", () => {
    const config = load({
      RATE_LIMIT_PER_MINUTE: "120",
      RATE_LIMIT_BURST: "30",
      RATE_LIMIT_API_KEY_PER_MINUTE: "6000",
      RATE_LIMIT_API_KEY_BURST: "1000",
    });
    expect(config.rateLimit).toEqual({
      anonymous: { perMinute: 120, burst: 30 },
      apiKey: { perMinute: 6000, burst: 1000 },
    });
  });

  it.each([
    ["RATE_LIMIT_PER_MINUTE", "anonymous"],
    ["RATE_LIMIT_BURST", "anonymous"],
    ["RATE_LIMIT_API_KEY_PER_MINUTE", "apiKey"],
    ["RATE_LIMIT_API_KEY_BURST", "apiKey"],
  ] as const)("turns a limit off with %s=0", (key, kind) => {
    const on = {
      RATE_LIMIT_API_KEY_PER_MINUTE: "600",
      RATE_LIMIT_API_KEY_BURST: "100",
    };
    expect(load(on).rateLimit[kind]).not.toBeNull();
    expect(load({ ...on, [key]: "0" }).rateLimit[kind]).toBeNull();
  });

  it.each([
    "RATE_LIMIT_PER_MINUTE",
    "RATE_LIMIT_BURST",
    "RATE_LIMIT_API_KEY_PER_MINUTE",
    "RATE_LIMIT_API_KEY_BURST",
  ])("refuses a bad %s naming the key", (key) => {
    for (const bad of ["-1", "1.5", "ten", "100000001"]) {
      expect(() => load({ [key]: bad })).toThrow(ConfigError);
      expect(() => load({ [key]: bad })).toThrow(new RegExp(`^${key}: `));
    }
  });

  it("ignores X-Forwarded-For by default and with TRUST_PROXY=0", () => {
    expect(load({}).trustProxy).toBeNull();
    expect(load({ TRUST_PROXY: "0" }).trustProxy).toBeNull();
  });

  it("reads TRUST_PROXY as a hop count or a list of proxy addresses and CIDRs", () => {
    expect(load({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(load({ TRUST_PROXY: "10.0.0.0/8,192.168.1.1,::1,fd00::/8" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.1",
      "::1",
      "fd00::/8",
    ]);
  });

  it.each(["yes", "10.0.0.0/8, 10.1.0.0/16", "10.0.0.0/8,", "999.1.1.1", "10.0.0.0/33", ":::1"])(
    "refuses TRUST_PROXY=%s naming the key",
    (bad) => {
      expect(() => load({ TRUST_PROXY: bad })).toThrow(ConfigError);
      expect(() => load({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY: /);
    },
  );

  it("says which proxy address of TRUST_PROXY is wrong", () => {
    expect(() => load({ TRUST_PROXY: "10.0.0.0/8,999.1.1.1" })).toThrow(
      "TRUST_PROXY: invalid IP address: 999.1.1.1",
    );
  });
});
