import { connect, type Socket } from "node:net";
import { Worker } from "node:worker_threads";

/** A TCP address whose listener never accepts and whose backlog is full: connects hang. */
export interface UnacceptingServer {
  url: string;
  close(): Promise<void>;
}

// The listener lives on a worker thread that then blocks, so nothing accepts: the kernel's
// queue (backlog 1) fills with the first connections and it drops the SYNs of the next ones.
const LISTENER = `
const { parentPort, workerData } = require("node:worker_threads");
const server = require("node:net").createServer();
server.listen({ port: 0, host: "127.0.0.1", backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  Atomics.wait(new Int32Array(workerData), 0, 0);
  server.close();
});`;

/** Starts a listener on 127.0.0.1 that accepts nothing, with its queue already full. */
export async function startUnacceptingServer(): Promise<UnacceptingServer> {
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(LISTENER, { eval: true, workerData: wake.buffer });
  const port = await new Promise<number>((resolve) => worker.once("message", resolve));
  const fillers: Socket[] = [];
  // Connect until one hangs: that one proves the queue full.
  for (let i = 0; i < 16 && (await connects(port, fillers)); i++);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      Atomics.store(wake, 0, 1);
      Atomics.notify(wake, 0);
      await worker.terminate();
    },
  };
}

function connects(port: number, sockets: Socket[]): Promise<boolean> {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 100);
    const opened = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once("connect", opened);
    socket.once("error", opened);
  });
}
