import type { Config } from "../config";
import { createLogger } from "../logger";
import { startServer, startWorker } from "../main";

/** `newsgate serve` / `newsgate worker`: runs until SIGINT or SIGTERM, then stops gracefully. */
export async function runServiceCommand(kind: "serve" | "worker", config: Config): Promise<number> {
  const logger = createLogger({ level: config.logLevel });
  const running =
    kind === "serve" ? await startServer(config, logger) : await startWorker(config, logger);
  if (running.url) process.stderr.write(`newsgate: GraphQL API at ${running.url}\n`);
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  logger.info({ signal }, "shutting down");
  await running.stop();
  return 0;
}
