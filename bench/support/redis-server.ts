import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { delimiter, join } from "node:path";

/** A Redis server for tests and benchmarks; stop/start exist only for a private server. */
export interface TestRedisServer {
  url: string;
  port: number;
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** False when the server is the external REDIS_URL (stop/start throw). */
  readonly controllable: boolean;
  /** The private server's process id while it runs; null when stopped or external. */
  readonly pid: number | null;
}

const READY_TIMEOUT_MS = 10_000;

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** Whether REDIS_URL may stand in when no binary is installed (tests: yes; benchmarks: no). */
  allowExternal?: boolean;
  /** A directory for an append-only file synced on every write: a kill then loses nothing. */
  appendOnlyDir?: string;
}

/**
 * Starts a private `redis-server` on a free port (no persistence unless asked), or falls back to REDIS_URL
 * when no binary is installed and `allowExternal` is not false.
 */
export async function startRedisServer(opts: RedisServerOptions = {}): Promise<TestRedisServer> {
  const binary = findBinary("redis-server");
  if (!binary && opts.allowExternal === false) {
    throw new Error(
      "no redis-server binary on PATH (a private server is needed, never a shared one)",
    );
  }
  if (!binary) return useExternalRedis();
  const port = await findFreePort();
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (child) throw new Error(`redis-server on port ${port} is already running`);
    child = await spawnRedis(binary, port, opts.appendOnlyDir);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (running) await killAndWait(running);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    controllable: true,
    get pid() {
      return child?.pid ?? null;
    },
  };
}

function useExternalRedis(): TestRedisServer {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("redis tests need a redis-server binary on PATH or REDIS_URL");
  const refuse = async (): Promise<void> => {
    throw new Error(
      `cannot stop or start the external Redis at REDIS_URL (no redis-server binary)`,
    );
  };
  const port = Number(new URL(url).port || 6379);
  return { url, port, stop: refuse, start: refuse, controllable: false, pid: null };
}

function findBinary(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Asks the OS for a free port by listening on 0 and closing again. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function spawnRedis(
  binary: string,
  port: number,
  appendOnlyDir?: string,
): Promise<ChildProcess> {
  const persistence = appendOnlyDir
    ? ["--appendonly", "yes", "--appendfsync", "always", "--dir", appendOnlyDir]
    : ["--appendonly", "no"];
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...persistence];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-2000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<never>((_, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`redis-server on port ${port} exited with ${code}:\n${output}`)),
    );
  });
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPong(port), exited]);
  } catch (error) {
    await killAndWait(child);
    throw error;
  }
  return child;
}

async function waitForPong(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

function killAndWait(child: ChildProcess): Promise<void> {
  // "close" (not "exit") also waits for the stdio pipes, so no handle outlives stop().
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  else if (!child.stdout?.readable && !child.stderr?.readable) return Promise.resolve();
  return closed;
}
