import { ReadDeadlineError } from "./sqlite-readers";
import type { StoreFault } from "./store-unavailable-error";

// PostgreSQL SQLSTATE codes of a database that cannot serve a correct request right now.
const POSTGRES_FAULTS: Record<string, StoreFault> = {
  "55P03": "lock-timeout", // lock_not_available: lock_timeout, or NOWAIT
  "25006": "read-only", // read_only_sql_transaction (a hot standby, default_transaction_read_only)
  "53100": "disk-full",
  "53300": "pool-exhausted", // too_many_connections: the server's slots, not ours
};

/**
 * The fault behind a driver error, or null when the error says something else (a bug, bad
 * input, a constraint). SQLite's `SQLITE_BUSY` is the only one worth retrying.
 */
export function classifyStoreError(error: unknown): StoreFault | null {
  if (error instanceof ReadDeadlineError) return "statement-timeout";
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (code.startsWith("SQLITE_BUSY")) return "busy";
    if (code.startsWith("SQLITE_READONLY")) return "read-only";
    if (code === "SQLITE_FULL") return "disk-full";
    if (code === "57014" && /statement timeout/.test(String(message))) return "statement-timeout";
    if (code in POSTGRES_FAULTS) return POSTGRES_FAULTS[code];
  }
  // pg-pool's own words when no client came free within connectionTimeoutMillis.
  if (/timeout exceeded when trying to connect/.test(String(message))) return "pool-exhausted";
  return null;
}
