import { Redis } from "ioredis";
import {
  type BreakerSetting,
  type CacheLogger,
  closeClient,
  openGuardedRedis,
  silentLogger,
} from "./redis-connection";

type Listener = (event: CustomEvent) => void;

/** An EventTarget whose events travel through Redis pub/sub, to every process listening. */
export interface RedisEventTarget {
  addEventListener(type: string, listener: Listener | EventListenerObject | null): void;
  removeEventListener(type: string, listener: Listener | EventListenerObject | null): void;
  /** Publishes the event's `detail` (JSON); listeners here get it back from Redis like others. */
  dispatchEvent(event: Event): boolean;
  close(): Promise<void>;
}

/**
 * Returns an event target over Redis channels named `prefix + type` (a small one over ioredis 6,
 * instead of @graphql-yoga/redis-event-target, which wants ioredis 5). Publishing uses one
 * connection and listening another, as Redis requires. The publisher fails fast like every
 * request-path part: with Redis away, events are dropped (subscribers miss them), never queued
 * without bound for a burst of stale events later.
 */
export async function createRedisEventTarget(opts: {
  url: string;
  prefix: string;
  logger?: CacheLogger;
  breaker?: BreakerSetting;
  /** How often the listening connection is checked with a PING; 5000 ms by default. */
  heartbeatMs?: number;
}): Promise<RedisEventTarget> {
  const publisher = openGuardedRedis({
    url: opts.url,
    part: "events",
    logger: opts.logger ?? silentLogger,
    commandTimeoutMs: 1000,
    maxReconnectDelayMs: 2000,
    breaker: opts.breaker,
  });
  // Connected before the first event: without a queue, an event sent meanwhile would be lost.
  await publisher.connect();
  const subscriber = new Redis(opts.url, { maxRetriesPerRequest: 1 });
  subscriber.on("error", () => undefined);
  const stopHeartbeat = keepListening(subscriber, opts.heartbeatMs ?? 5000);
  const listeners = new Map<string, Set<Listener | EventListenerObject>>();
  subscriber.on("message", (channel: string, message: string) => {
    const type = channel.slice(opts.prefix.length);
    let detail: unknown;
    try {
      detail = JSON.parse(message);
    } catch {
      return;
    }
    for (const listener of listeners.get(type) ?? []) {
      const event = new CustomEvent(type, { detail });
      if (typeof listener === "function") listener(event);
      else listener.handleEvent(event);
    }
  });
  return {
    addEventListener(type, listener) {
      if (listener === null) return;
      const set = listeners.get(type) ?? new Set();
      if (set.size === 0) void subscriber.subscribe(opts.prefix + type).catch(() => undefined);
      set.add(listener);
      listeners.set(type, set);
    },
    removeEventListener(type, listener) {
      const set = listeners.get(type);
      if (set === undefined || listener === null) return;
      set.delete(listener);
      if (set.size === 0) {
        listeners.delete(type);
        void subscriber.unsubscribe(opts.prefix + type).catch(() => undefined);
      }
    },
    dispatchEvent(event) {
      const detail = (event as CustomEvent).detail;
      const message = JSON.stringify(detail);
      void publisher.guarded(0, () => publisher.client.publish(opts.prefix + event.type, message));
      return true;
    },
    async close() {
      stopHeartbeat();
      await Promise.all([publisher.close(), closeClient(subscriber)]);
    },
  };
}

/**
 * PINGs the listening connection every `everyMs`; one not answered within the same time is
 * dropped for a new one (ioredis subscribes again). A listener sends nothing else, so without
 * this a half-open connection (a NAT that forgot it) would go unnoticed and events stop coming.
 */
function keepListening(subscriber: Redis, everyMs: number): () => void {
  let silent: NodeJS.Timeout | undefined;
  const timer = setInterval(() => {
    if (subscriber.status !== "ready" || silent) return;
    silent = setTimeout(() => subscriber.disconnect(true), everyMs);
    const answered = () => {
      clearTimeout(silent);
      silent = undefined;
    };
    subscriber.ping().then(answered, answered);
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(silent);
  };
}
