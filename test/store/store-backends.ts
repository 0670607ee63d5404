import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article, Tag } from "../../src/domain/article";
import type { SourceDefinition } from "../../src/domain/source";
import { type CreateStoreOptions, createStore } from "../../src/store/create-store";
import type { Store } from "../../src/store/store";
import { createTestDatabase } from "../support/postgres";

/** A database the store suite runs against; `createDatabase` makes an empty one. */
export interface Backend {
  name: "sqlite" | "postgres";
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export function listBackends(): Backend[] {
  const backends: Backend[] = [{ name: "sqlite", createDatabase: createSqliteDatabase }];
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl)
    backends.push({ name: "postgres", createDatabase: () => createTestDatabase(baseUrl) });
  return backends;
}

async function createSqliteDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "newsgate-store-"));
  return {
    url: `sqlite:${join(dir, "newsgate.db")}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A fresh migrated store per test, with a settable clock; closed and dropped after each test. */
export function useStore(backend: Backend): {
  store: () => Store;
  url: () => string;
  setNow: (ms: number) => void;
} {
  let store: Store | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let now = T0;
  const options: CreateStoreOptions = { now: () => now };
  beforeEach(async () => {
    now = T0;
    database = await backend.createDatabase();
    store = await createStore(database.url, options);
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
    store = undefined;
    database = undefined;
  });
  return {
    store: () => store ?? fail("no store outside a test"),
    url: () => database?.url ?? fail("no database outside a test"),
    setNow: (ms) => {
      now = ms;
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** A fixed instant the tests count from (2026-02-04T00:00:00Z). */
export const T0 = Date.UTC(2026, 1, 4);
/** One minute in ms. */
export const MINUTE = 60_000;

/** A source definition with test defaults: every 10 minutes, no user agent, no tags. */
export function makeSource(
  id: string,
  overrides: Partial<SourceDefinition> = {},
): SourceDefinition {
  return {
    id,
    name: `Source ${id}`,
    url: `https://${id}.example/feed.xml`,
    kind: "rss",
    intervalSeconds: 600,
    schedule: null,
    userAgent: null,
    tags: [],
    ...overrides,
  };
}

/** A tag from a feed category. */
export function feedTag(slug: string, name: string = slug): Tag {
  return { slug, name, origin: "feed" };
}

/** An article of source `news` with test defaults. */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    sourceId: "news",
    guid: `guid-${id}`,
    url: `https://news.example/${id}`,
    title: `Title ${id}`,
    summary: `Summary of ${id}`,
    contentHtml: `<p>Body of ${id}</p>`,
    contentText: `Body of ${id}`,
    author: "Ada Lovelace",
    publishedAt: T0,
    updatedAt: null,
    ingestedAt: T0 + MINUTE,
    language: "en",
    imageUrl: null,
    wordCount: 3,
    enclosures: [],
    tags: [],
    route: "feed",
    ...overrides,
  };
}
