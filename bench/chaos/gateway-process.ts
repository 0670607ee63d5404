import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { findFreePort } from "../support/redis-server";

/** A `newsgate` process (serve or worker) started by the chaos run. */
export interface GatewayProcess {
  /** `http://127.0.0.1:PORT` (serve only). */
  url: string;
  child: ChildProcess;
  /** What it wrote to stdout and stderr (its log), for a failure's report. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace; resolves with the exit code (null when killed). */
  stop(): Promise<number | null>;
  /** SIGKILL, at once. */
  kill(): Promise<void>;
}

// dist/bench/chaos → the package root.
const CLI = join(__dirname, "..", "..", "..", "bin", "newsgate.js");
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

/** Starts `newsgate <command>` with `env` (and no other variables but PATH). */
export async function startGateway(
  command: "serve" | "worker",
  env: Record<string, string>,
): Promise<GatewayProcess> {
  const port = command === "serve" ? await findFreePort() : 0;
  const child = spawn(process.execPath, [CLI, command], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port || 4000),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = once(child, "exit");
  const gateway: GatewayProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      const [code] = (await exited) as [number | null];
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
  if (command === "serve") await waitReady(gateway);
  return gateway;
}

async function waitReady(gateway: GatewayProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gateway.child.exitCode !== null) break;
    const ok = await fetch(`${gateway.url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await delay(100);
  }
  await gateway.kill();
  throw new Error(`the gateway did not become ready:\n${gateway.output()}`);
}
