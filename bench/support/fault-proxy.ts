import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A network fault the proxy injects: pass-through, a delay on every chunk, connections reset
 * (RST), a black hole (a hung peer: read, never answered), new connections closed on accept, or
 * the open connections stranded (black-holed for good, as when a NAT or load balancer forgets
 * them) while new ones pass.
 */
export type Fault =
  | { kind: "none" }
  | { kind: "latency"; ms: number }
  | { kind: "reset" }
  | { kind: "blackhole" }
  | { kind: "refuse" }
  | { kind: "strand" };

/** What the proxy has done since it started. */
export interface FaultProxyStats {
  /** Connections accepted, reset and refused ones included. */
  accepted: number;
  /** Client connections open now. */
  open: number;
  /** Connections the proxy reset. */
  reset: number;
  /** Bytes written on, both directions. */
  bytesForwarded: number;
  /** Bytes a black hole read and dropped. */
  bytesDiscarded: number;
}

/** A TCP proxy on 127.0.0.1 in front of one target, with a fault that can be switched at will. */
export interface FaultProxy {
  /** `redis://127.0.0.1:PORT`: the proxy's address in the shape Redis clients take. */
  url: string;
  port: number;
  /** Applies at once: see {@link Fault}; leaving a black hole closes its connections (not stranded ones). */
  setFault(fault: Fault): void;
  stats(): FaultProxyStats;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/** One direction of a connection: chunks written in arrival order, none before its due time. */
interface Lane {
  push(chunk: Buffer, delayMs: number): void;
  /** Ends the far side once the queue is written. */
  end(): void;
  /** Drops what is queued (a black hole swallowed it) and its timer. */
  clear(): void;
}

/** A client connection and its upstream (none when it was black-holed on accept). */
interface Link {
  client: Socket;
  upstream: Socket | null;
  lanes: Lane[];
  blackholed: boolean;
  /** Black-holed for good: leaving the fault does not close it (its client must notice). */
  stranded?: boolean;
}

function createLane(to: Socket, onWritten: (bytes: number) => void): Lane {
  const queue: { due: number; chunk: Buffer }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let ending = false;
  const drain = (): void => {
    timer = undefined;
    while (queue.length > 0 && queue[0].due <= Date.now()) {
      const { chunk } = queue.shift()!;
      if (!to.writable) continue;
      to.write(chunk);
      onWritten(chunk.length);
    }
    if (queue.length > 0) timer = setTimeout(drain, queue[0].due - Date.now());
    else if (ending) to.end();
  };
  return {
    push(chunk, delayMs) {
      // Never due before the chunk ahead of it, so a shorter delay cannot reorder a direction.
      queue.push({ due: Math.max(Date.now() + delayMs, queue.at(-1)?.due ?? 0), chunk });
      if (!timer) drain();
    },
    end() {
      ending = true;
      if (!timer) drain();
    },
    clear() {
      queue.length = 0;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Sends an RST where the platform can (Node ≥ 18.3), else closes. */
function resetSocket(socket: Socket): void {
  // Not on a socket already ending: libuv refuses to reset one that is shutting down, and Node
  // then leaks its handle, which keeps the process alive.
  const canReset = !socket.destroyed && !socket.writableEnded;
  if (typeof socket.resetAndDestroy === "function" && canReset) socket.resetAndDestroy();
  else socket.destroy();
}

/** Listens on a free port of 127.0.0.1 and returns it. */
async function listenLocally(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

/** Starts a proxy to `target` on a free port of 127.0.0.1, passing traffic through unchanged. */
export async function startFaultProxy(opts: {
  target: { host: string; port: number };
}): Promise<FaultProxy> {
  let fault: Fault = { kind: "none" };
  const links = new Set<Link>();
  const counts = { accepted: 0, reset: 0, bytesForwarded: 0, bytesDiscarded: 0 };
  const forwarded = (n: number) => void (counts.bytesForwarded += n);

  const resetLink = (link: Link): void => {
    counts.reset += 1;
    link.lanes.forEach((lane) => lane.clear());
    resetSocket(link.client);
    if (link.upstream) resetSocket(link.upstream);
  };
  const destroyLink = (link: Link): void => {
    link.lanes.forEach((lane) => lane.clear());
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
  };
  /** Drops a link once both its sockets are closed (nothing queued can be written then). */
  const forget = (link: Link): void => {
    if (!link.client.destroyed || link.upstream?.destroyed === false) return;
    link.lanes.forEach((lane) => lane.clear());
    links.delete(link);
  };
  /** Reads `from` into the lane, or into nothing while the link is black-holed. */
  const feed = (link: Link, from: Socket, lane: Lane | null): void => {
    from.on("data", (chunk: Buffer) => {
      if (link.blackholed || !lane) counts.bytesDiscarded += chunk.length;
      else lane.push(chunk, fault.kind === "latency" ? fault.ms : 0);
    });
    // The far side learns of the close only after what is still queued for it; a hung peer
    // tells nothing.
    from.on("close", () => {
      if (!link.blackholed) lane?.end();
      forget(link);
    });
  };

  const server = createServer((client) => {
    counts.accepted += 1;
    // Resets and the far side's errors end up as 'close'; an unheard 'error' would throw.
    client.on("error", () => undefined);
    const link: Link = { client, upstream: null, lanes: [], blackholed: false };
    if (fault.kind === "reset") return resetLink(link);
    if (fault.kind === "refuse") return void client.destroy();
    links.add(link);
    if (fault.kind === "blackhole") {
      // A hung peer: the handshake completes, then nothing; no upstream is opened.
      link.blackholed = true;
      feed(link, client, null);
    } else {
      const upstream = connect(opts.target.port, opts.target.host);
      upstream.on("error", () => undefined);
      link.upstream = upstream;
      link.lanes = [createLane(upstream, forwarded), createLane(client, forwarded)];
      feed(link, client, link.lanes[0]);
      feed(link, upstream, link.lanes[1]);
    }
  });
  /** What switching to `next` does to a connection already open. */
  const applyFault = (link: Link, next: Fault): void => {
    if (next.kind === "reset") return resetLink(link);
    if (next.kind === "blackhole" || next.kind === "strand") {
      link.blackholed = true;
      link.stranded ||= next.kind === "strand";
      return link.lanes.forEach((lane) => lane.clear());
    }
    // The hung peer finally times out: what it swallowed is gone, so the client must reconnect.
    if (link.blackholed && !link.stranded) destroyLink(link);
  };
  const port = await listenLocally(server);

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    setFault(next) {
      fault = next;
      for (const link of links) applyFault(link, next);
    },
    stats: () => ({
      ...counts,
      open: [...links].filter((link) => !link.client.destroyed).length,
    }),
    async close() {
      for (const link of links) destroyLink(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
