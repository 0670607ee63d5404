/**
 * A bench server in its own process (forked by the API bench): bare graphql-js, Apollo with
 * type-graphql, or the gateway; it reports ready, then answers the parent's commands.
 */
import "reflect-metadata";
import { findFreePort } from "../support/redis-server";
import { startBareBaseline } from "./bare-server";
import type { BenchServer, StartedServer } from "./bench-server";
import type { ChildMessage, ChildSpec, ParentMessage } from "./child-protocol";
import { corpusSpec } from "./corpus-spec";
import { createLoopMonitor, type LoopMonitor } from "./loop-monitor";
import { createMemoryHeadlines } from "./memory-headlines";
import { generateNewsCorpus } from "./news-corpus";
import { generateViews } from "./view-seeds";

const MB = 1024 * 1024;

async function startServer(spec: ChildSpec): Promise<BenchServer> {
  const corpusOf = () =>
    createMemoryHeadlines(generateNewsCorpus(corpusSpec(spec.corpus), spec.now));
  if (spec.kind === "bare")
    return withoutStore(await startBareBaseline(corpusOf(), await findFreePort()));
  if (spec.kind === "apollo") {
    // Loaded here only: the gateway child must not see the baseline's type-graphql classes.
    const { startApolloBaseline } = await import("./apollo-server");
    return withoutStore(await startApolloBaseline(corpusOf(), await findFreePort()));
  }
  if (!spec.gateway) throw new Error("a gateway child needs its launch settings");
  const { startGatewayServer } = await import("./gateway-server");
  return startGatewayServer(spec.gateway, generateViews(corpusSpec(spec.corpus), spec.now));
}

function withoutStore(started: StartedServer): BenchServer {
  return {
    ...started,
    statements: () => 0,
    resetCounters: () => undefined,
    flush: async () => undefined,
  };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

function listen(server: BenchServer, monitor: LoopMonitor): void {
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= server.stop().finally(() => monitor.stop());
    return stopping;
  };
  process.on("message", (message: ParentMessage) => {
    answer(message, server, monitor, stop)
      .then(
        (stats) => send({ type: "reply", id: message.id, stats }),
        (error: Error) => send({ type: "failed", id: message.id, error: error.message }),
      )
      // Disconnecting after the reply ends the process (below), once the reply is out.
      .finally(() => message.command === "stop" && process.disconnect?.());
  });
  // The parent is gone (killed, crashed, or done after "stop"): close, then end.
  process.removeAllListeners("disconnect");
  process.on("disconnect", () => void stop().finally(() => process.exit(0)));
}

async function answer(
  message: ParentMessage,
  server: BenchServer,
  monitor: LoopMonitor,
  stop: () => Promise<void>,
) {
  switch (message.command) {
    case "reset":
      monitor.reset();
      server.resetCounters();
      return undefined;
    case "stats": {
      const loop = monitor.read();
      const memory = process.memoryUsage();
      return {
        loopP50Ms: loop.p50Ms,
        loopP99Ms: loop.p99Ms,
        loopMaxMs: loop.maxMs,
        rssMb: memory.rss / MB,
        heapUsedMb: memory.heapUsed / MB,
        statements: server.statements(),
      };
    }
    case "flush":
      await server.flush();
      return undefined;
    case "stop":
      await stop();
      return undefined;
  }
}

async function main(): Promise<void> {
  // Ctrl-C reaches the whole process group; the parent stops its children in order.
  process.on("SIGINT", () => undefined);
  // A parent gone while this one starts: nobody wants the server any more.
  process.on("disconnect", () => process.exit(1));
  const spec = JSON.parse(process.argv[2] ?? "") as ChildSpec;
  const monitor = createLoopMonitor();
  const server = await startServer(spec);
  listen(server, monitor);
  send({ type: "ready", url: server.url });
}

if (require.main === module) {
  main().catch((error: Error) => {
    send({ type: "failed", error: error.stack ?? error.message });
    process.exitCode = 1;
    process.disconnect?.();
  });
}
