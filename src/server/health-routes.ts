import { Router } from "express";
import type { ViewCounterHealth } from "../cache/view-counter";

/** Readiness of the gateway's dependencies; the store must be up, the cache may be down. */
export interface ReadinessReport {
  ready: boolean;
  store: "up" | "down";
  cache: "memory" | "up" | "down";
  /** With Redis: the view counter's state and the views held here while Redis is away. */
  views?: ViewCounterHealth;
  /** With Redis: cached values that did not decode since start (each deleted and reloaded). */
  badCacheValues?: number;
}

/** Checks the gateway's dependencies for /readyz. */
export type ReadinessCheck = () => Promise<ReadinessReport>;

/** `/healthz` (process alive) and `/readyz` (store reachable; cache state reported). */
export function createHealthRoutes(readiness: ReadinessCheck): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const report = await readiness();
    res.status(report.ready ? 200 : 503).json(report);
  });
  return router;
}
