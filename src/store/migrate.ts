import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as initial from "./migrations/0001-initial";
import * as sourceRemoved from "./migrations/0002-source-removed";
import * as sourceScheduling from "./migrations/0003-source-scheduling";
import * as articleRoutes from "./migrations/0004-article-routes";
import * as sourcePageOptions from "./migrations/0005-source-page-options";
import * as articleSearch from "./migrations/0006-article-search";
import * as searchRank from "./migrations/0007-search-rank";

/** The store's migrations by name, in order; listed in code so they run from dist and ts-jest. */
export function listMigrations(): Record<string, Migration> {
  return {
    "0001-initial": initial,
    "0002-source-removed": sourceRemoved,
    "0003-source-scheduling": sourceScheduling,
    "0004-article-routes": articleRoutes,
    "0005-source-page-options": sourcePageOptions,
    "0006-article-search": articleSearch,
    "0007-search-rank": searchRank,
  };
}

/** A Kysely migration provider over the in-code list. */
export function createMigrationProvider(): MigrationProvider {
  return { getMigrations: async () => listMigrations() };
}

/** Brings the schema to the latest migration; returns the names it applied (empty when current). */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: createMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`store: migration ${failed} failed: ${describeError(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
