/** Worker-thread entry of the bench's feed server: listens on 127.0.0.1, replies with its URL. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { feedHandler, type FeedServerData } from "./feed-server";

const port = parentPort;
if (port) {
  const server = createServer(feedHandler(workerData as FeedServerData));
  server.keepAliveTimeout = 30_000;
  server.listen(0, "127.0.0.1", () => {
    port.postMessage(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  port.on("message", (message) => {
    if (message !== "close") return;
    server.close(() => port.close());
    server.closeAllConnections();
  });
}
