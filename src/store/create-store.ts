import { type Kysely, sql } from "kysely";
import type { Database } from "./database";
import { openReadDatabase, type ReadThreadsOptions } from "./open-read-database";
import { createArticleQueries } from "./article-queries";
import { createFetchRecords } from "./fetch-records";
import { claimDueSources } from "./claim-sources";
import { createHeadlineQueries } from "./headline-queries";
import { migrateToLatest } from "./migrate";
import { firstLine } from "./first-line";
import { guardStore } from "./guard-store";
import {
  type OpenDatabase,
  openDatabase,
  type PostgresLimits,
  type QueryListener,
} from "./open-database";
import { createSourceQueries } from "./source-queries";
import type { Store } from "./store";
import { createSearchQueries } from "./search-queries";
import { createStoryQueries } from "./story-queries";
import { createStatsQueries } from "./stats-queries";
import { createTagQueries } from "./tag-queries";

/** Options of `createStore`; every one has a production default. */
export interface CreateStoreOptions {
  /** The clock that stamps newly declared sources (epoch ms); `Date.now` by default. */
  now?: () => number;
  /** Called after each SQL statement with its duration (the benchmarks count round trips). */
  onQuery?: QueryListener;
  /** Where the API's reads run (SQLite reader threads); on the store's connection by default. */
  readThreads?: ReadThreadsOptions;
  /**
   * SQLite: how long a call keeps retrying (on timers) while another process holds the write
   * lock, before it fails with StoreUnavailableError; 10 s by default.
   */
  busyDeadlineMs?: number;
  /** PostgreSQL: timeouts and pool bounds; each absent field takes its default. */
  postgres?: Partial<PostgresLimits>;
}

/** How long a SQLite call retries a busy database by default. */
export const DEFAULT_BUSY_DEADLINE_MS = 10_000;

/**
 * Opens the store at `databaseUrl` (`sqlite:./data/newsgate.db`, `sqlite::memory:`,
 * `postgres://...`), brings its schema up to date, and returns it.
 */
export async function createStore(
  databaseUrl: string,
  options: CreateStoreOptions = {},
): Promise<Store> {
  const opened = openOrExplain(databaseUrl, options);
  try {
    // Reach the database first, so an unreachable one is reported as such, not as a migration.
    await sql`select 1`.execute(opened.db).catch((error) => {
      throw new Error(`store: cannot reach ${redactUrl(databaseUrl)}: ${firstLine(error)}`);
    });
    await migrateToLatest(opened.db);
    // From here on a locked database is never waited for inside SQLite (that would hold the
    // event loop): SQLITE_BUSY comes back at once and guardStore retries it on timers.
    if (opened.dialect === "sqlite") await sql`pragma busy_timeout = 0`.execute(opened.db);
    const readDb = openReadDatabase(databaseUrl, opened, {
      ...(options.readThreads ?? { threads: 0 }),
      onQuery: options.onQuery,
    });
    return guardStore(assembleStore({ ...opened, readDb }, options.now ?? Date.now), {
      busyDeadlineMs: options.busyDeadlineMs ?? DEFAULT_BUSY_DEADLINE_MS,
    });
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
}

function openOrExplain(databaseUrl: string, options: CreateStoreOptions): OpenDatabase {
  try {
    return openDatabase(databaseUrl, { onQuery: options.onQuery, postgres: options.postgres });
  } catch (error) {
    if (firstLine(error).startsWith("store:")) throw error;
    throw new Error(`store: cannot open ${redactUrl(databaseUrl)}: ${firstLine(error)}`);
  }
}

// The password of a postgres:// URL never goes into a message or a log.
function redactUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/, "$1:***@");
}

/** The reads the API makes: they run on `readDb` (reader threads on SQLite, when configured). */
const API_READS = [
  "listSources",
  "getSources",
  "getArticles",
  "getArticleCards",
  "getArticleBodies",
  "findArticleIdByUrl",
  "getTagsForArticles",
  "listTags",
  "listTagTrends",
  "getTags",
  "listLatest",
  "searchArticles",
  "listStories",
  "getStories",
  "listRelated",
  "getArticleStats",
] as const satisfies readonly (keyof Store)[];

/** The Store over an open, migrated database; the API's reads go through `readDb`. */
export function assembleStore(
  { db, dialect, readDb = db }: OpenDatabase & { readDb?: Kysely<Database> },
  now: () => number,
): Store {
  const queriesOn = (on: Kysely<Database>) => ({
    ...createSourceQueries(on, dialect, now),
    ...createFetchRecords(on),
    ...createArticleQueries(on, dialect),
    ...createTagQueries(on),
    ...createHeadlineQueries(on),
    ...createStatsQueries(on, dialect, now),
    ...createSearchQueries(on, dialect),
    ...createStoryQueries(on, dialect),
  });
  const store: Store = {
    dialect,
    ...queriesOn(db),
    claimDueSources: (opts) => claimDueSources(db, dialect, opts),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
    },
  };
  if (readDb === db) return store;
  const reads = queriesOn(readDb);
  return Object.assign(store, Object.fromEntries(API_READS.map((name) => [name, reads[name]])));
}
