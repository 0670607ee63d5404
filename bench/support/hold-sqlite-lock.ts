import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/** Another process holding a SQLite file's write lock (`BEGIN IMMEDIATE`) until released. */
export interface HeldLock {
  /** Commits in the other process; resolves once the lock is gone. */
  release(): Promise<void>;
  /** Ends the other process (its transaction rolls back); safe to call more than once. */
  kill(): void;
}

// Runs in the child: take the lock, say so, commit when told on stdin.
const HOLDER = `
const Database = require(process.env.SQLITE_MODULE);
const db = new Database(process.env.LOCK_PATH);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
process.stdin.once("data", () => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\\n");
  process.exit(0);
});
`;

/** Spawns `node -e` with better-sqlite3 holding the write lock of `path`; resolves once held. */
export async function holdSqliteLock(path: string): Promise<HeldLock> {
  const child = spawn(process.execPath, ["-e", HOLDER], {
    env: { ...process.env, LOCK_PATH: path, SQLITE_MODULE: require.resolve("better-sqlite3") },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = readLines(child);
  try {
    await lines.next("locked");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    async release() {
      child.stdin?.write("commit\n");
      await lines.next("released");
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

function readLines(child: ChildProcess) {
  let buffered = "";
  const seen: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    seen.push(...parts);
    child.stdout?.emit("line");
  });
  return {
    async next(expected: string): Promise<void> {
      while (!seen.includes(expected)) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`lock holder exited before saying "${expected}"`);
        }
        const [event] = await Promise.race([
          once(child.stdout!, "line").then(() => ["line"]),
          once(child, "exit").then(() => ["exit"]),
        ]);
        if (event === "exit" && !seen.includes(expected)) {
          throw new Error(`lock holder exited before saying "${expected}"`);
        }
      }
    },
  };
}
