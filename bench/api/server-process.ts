import { type ChildProcess, fork } from "node:child_process";
import type { ChildCommand, ChildMessage, ChildSpec, ChildStats } from "./child-protocol";

/** A bench server child as the parent drives it. */
export interface ServerProcess {
  label: string;
  pid: number;
  url: string;
  reset(): Promise<void>;
  stats(): Promise<ChildStats>;
  flush(): Promise<void>;
  /** Asks it to close gracefully; kills it when it does not exit in time. Safe to repeat. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;
const COMMAND_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

type Pending = { resolve(stats?: ChildStats): void; reject(error: Error): void };

/** Forks `script` with the spec and resolves once it listens; a child that fails is killed. */
export async function forkServer(
  script: string,
  label: string,
  spec: ChildSpec,
): Promise<ServerProcess> {
  // No inherited execArgv: a test runner's flags are not the child's business. Every server runs
  // as in production (graphql-js, Express and others check NODE_ENV when they load).
  const child = fork(script, [JSON.stringify(spec)], {
    execArgv: [],
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const url = await waitForReady(child, label);
    return driveChild(child, label, url, exited);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    throw error;
  }
}

function waitForReady(child: ChildProcess, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label}: not ready after ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    );
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: ChildMessage) => {
      if (message.type === "ready") resolve(message.url);
      else if (message.type === "failed") reject(new Error(`${label}: ${message.error}`));
      else return;
      done();
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${label}: exited with ${code} before it was ready`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

function driveChild(
  child: ChildProcess,
  label: string,
  url: string,
  exited: Promise<void>,
): ServerProcess {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  child.on("message", (message: ChildMessage) => {
    if (message.type === "ready" || message.id === undefined) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === "reply") waiting?.resolve(message.stats);
    else waiting?.reject(new Error(`${label}: ${message.error}`));
  });
  child.once("exit", (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${label}: exited (${code})`));
    pending.clear();
  });
  const command = (name: ChildCommand) =>
    new Promise<ChildStats | undefined>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`${label}: not running`));
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${label}: no answer to ${name} in ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          fn(value);
        };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      child.send({ id, command: name });
    });
  let stopping: Promise<void> | null = null;
  return {
    label,
    pid: child.pid ?? -1,
    url,
    reset: async () => void (await command("reset")),
    stats: async () => (await command("stats")) as ChildStats,
    flush: async () => void (await command("flush")),
    stop: () => (stopping ??= stopChild(child, exited, () => command("stop"))),
  };
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<void>,
  askToStop: () => Promise<unknown>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await askToStop().catch(() => child.kill("SIGKILL"));
  await exited;
  clearTimeout(timer);
}
