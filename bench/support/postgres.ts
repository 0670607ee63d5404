import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** A throwaway database on a PostgreSQL server (tests, benchmarks), and how to drop it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh, uniquely named database on the server at `baseUrl` (connecting to the base
 * URL's own database to CREATE it), so parallel test files never share data.
 */
export async function createTestDatabase(
  baseUrl: string,
  namePrefix = "newsgate_test",
): Promise<TestDatabase> {
  const name = `${namePrefix}_${process.pid}_${randomBytes(6).toString("hex")}`;
  await runAdmin(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAdmin(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function runAdmin(baseUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
