import { connect, createServer, type Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";

/** A TCP server on 127.0.0.1 that writes back whatever it reads. */
async function startEchoServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A client connection that records what it received, when it first did, and how it ended. */
interface Peer {
  socket: Socket;
  received: string;
  firstDataAt: number | null;
  closed: boolean;
  /** The error code the socket saw, if any (ECONNRESET after an RST). */
  error: string | null;
  /** Resolves on connect, or on close when the connection never opened. */
  settled: Promise<void>;
}

function openPeer(port: number): Peer {
  const socket = connect(port, "127.0.0.1");
  const peer: Peer = {
    socket,
    received: "",
    firstDataAt: null,
    closed: false,
    error: null,
    settled: new Promise((resolve) => {
      socket.once("connect", () => resolve());
      socket.once("close", () => resolve());
    }),
  };
  socket.on("data", (chunk: Buffer) => {
    peer.firstDataAt ??= Date.now();
    peer.received += chunk.toString();
  });
  socket.on("error", (error: NodeJS.ErrnoException) => (peer.error = error.code ?? error.message));
  socket.on("close", () => (peer.closed = true));
  return peer;
}

/** Polls `check` every 10 ms for at most `ms`; returns whether it came to hold. */
async function waitFor(check: () => boolean, ms = 5000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await delay(10)) {
    if (check()) return true;
  }
  return check();
}

/** Sends `text` and waits (bounded) for the echo. */
async function expectEcho(peer: Peer, text: string): Promise<void> {
  const before = peer.received;
  peer.socket.write(text);
  expect(await waitFor(() => peer.received === before + text)).toBe(true);
}

describe("the fault proxy", () => {
  let echo: Awaited<ReturnType<typeof startEchoServer>>;
  let proxy: FaultProxy;
  const peers: Peer[] = [];
  const open = async () => {
    const peer = openPeer(proxy.port);
    peers.push(peer);
    await peer.settled;
    return peer;
  };

  beforeAll(async () => {
    echo = await startEchoServer();
  });
  afterAll(() => echo.close());
  beforeEach(async () => {
    proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: echo.port } });
  });
  afterEach(async () => {
    for (const peer of peers.splice(0)) peer.socket.destroy();
    await proxy.close();
  });

  it("listens on a free port of 127.0.0.1 and passes bytes through both ways unchanged", async () => {
    expect(proxy.url).toBe(`redis://127.0.0.1:${proxy.port}`);
    const peer = await open();
    await expectEcho(peer, "hello");
    await expectEcho(peer, "again");
    expect(proxy.stats()).toMatchObject({ accepted: 1, open: 1, reset: 0, bytesForwarded: 20 });
  });

  it("delays every chunk in each direction by the latency and keeps their order", async () => {
    proxy.setFault({ kind: "latency", ms: 300 });
    const peer = await open();
    const messages = Array.from({ length: 20 }, (_, i) => `m${i};`);
    const sentAt = Date.now();
    for (const message of messages) {
      peer.socket.write(message);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await delay(100);
    // Nothing yet, unless the machine stalled past both delays (the lower bound below holds still).
    if (Date.now() - sentAt < 550) expect(peer.received).toBe("");
    expect(await waitFor(() => peer.received.length === messages.join("").length)).toBe(true);
    expect(peer.received).toBe(messages.join(""));
    // 300 ms out and 300 ms back (a lower bound only: the machine may be slower, never faster).
    expect(peer.firstDataAt! - sentAt).toBeGreaterThanOrEqual(550);
  });

  it("never lets a chunk sent after the latency ends overtake one still queued", async () => {
    proxy.setFault({ kind: "latency", ms: 300 });
    const peer = await open();
    peer.socket.write("first;");
    await delay(20);
    proxy.setFault({ kind: "none" });
    peer.socket.write("second;");
    expect(await waitFor(() => peer.received.length === "first;second;".length)).toBe(true);
    expect(peer.received).toBe("first;second;");
  });

  it("resets open connections and each new one while the fault lasts, and forwards again after", async () => {
    const before = await open();
    await expectEcho(before, "up");
    proxy.setFault({ kind: "reset" });
    expect(await waitFor(() => before.closed)).toBe(true);
    // An RST, not a FIN: the client reads ECONNRESET.
    expect(before.error).toBe("ECONNRESET");

    const during = await open();
    expect(await waitFor(() => during.closed)).toBe(true);
    expect([null, "ECONNRESET"]).toContain(during.error);
    expect(during.received).toBe("");
    expect(proxy.stats()).toMatchObject({ accepted: 2, reset: 2, open: 0 });

    proxy.setFault({ kind: "none" });
    await expectEcho(await open(), "back");
  });

  it("black-holes old and new connections: open, read, never answered; closes them when it ends", async () => {
    const before = await open();
    await expectEcho(before, "up");
    proxy.setFault({ kind: "blackhole" });
    before.socket.write("lost");
    const during = await open();
    expect(during.socket.readyState).toBe("open");
    during.socket.write("lost too");
    await delay(200);
    for (const peer of [before, during]) {
      expect(peer.closed).toBe(false);
      expect(peer.error).toBeNull();
    }
    expect(before.received).toBe("up");
    expect(during.received).toBe("");
    expect(await waitFor(() => proxy.stats().bytesDiscarded === "lostlost too".length)).toBe(true);
    expect(proxy.stats()).toMatchObject({ accepted: 2, open: 2, reset: 0 });

    // The hung peer finally times out: both are closed, and a new connection is forwarded.
    proxy.setFault({ kind: "none" });
    expect(await waitFor(() => before.closed && during.closed)).toBe(true);
    expect(before.received).toBe("up");
    await expectEcho(await open(), "back");
  });

  it("closes new connections on accept while refusing, and leaves open ones alone", async () => {
    const before = await open();
    proxy.setFault({ kind: "refuse" });
    const during = await open();
    expect(await waitFor(() => during.closed)).toBe(true);
    expect(during.received).toBe("");
    await expectEcho(before, "still here");
    proxy.setFault({ kind: "none" });
    await expectEcho(await open(), "back");
  });

  it("destroys its open connections when closed", async () => {
    const peer = await open();
    await expectEcho(peer, "up");
    await proxy.close();
    expect(await waitFor(() => peer.closed)).toBe(true);
    proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: echo.port } });
  });
});
