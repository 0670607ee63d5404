import { Redis } from "ioredis";
import { createCircuitBreaker, type CircuitBreaker } from "./circuit-breaker";

/** The slice of a logger a Redis connection needs (pino's shape). */
export interface CacheLogger {
  warn(obj: object, msg: string): void;
}

/** A silent logger, the default of every Redis part. */
export const silentLogger: CacheLogger = { warn: () => undefined };

const CLOSE_GRACE_MS = 250;

/**
 * Returns a lazily connecting ioredis client for request paths: no offline queue, no retry of a
 * failed command, and a short command timeout, so a call fails at once when Redis is away and
 * within `commandTimeoutMs` when it hangs; it reconnects in the background.
 */
function createFailFastRedis(
  url: string,
  opts: { commandTimeoutMs: number; maxReconnectDelayMs: number },
): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: opts.commandTimeoutMs,
    connectTimeout: Math.max(1000, opts.commandTimeoutMs * 4),
    // ioredis arms this timer even for a socket that is already gone; short, so close() leaves
    // nothing behind that keeps a process alive.
    disconnectTimeout: CLOSE_GRACE_MS,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), opts.maxReconnectDelayMs),
  });
}

/** How a part's breaker is set: its own (opening after N failures, for a cool-down), or shared. */
export type BreakerSetting = { failureThreshold?: number; coolDownMs?: number } | CircuitBreaker;

/**
 * Returns a breaker whose opening and closing are logged once each as `<part>: breaker ...`.
 * Shared by every part talking to one Redis, the first timeouts of any part spare the others
 * theirs: a request then waits for at most one timeout, not one per part it uses.
 */
export function createLoggedBreaker(
  part: string,
  logger: CacheLogger,
  opts: { failureThreshold?: number; coolDownMs?: number } = {},
): CircuitBreaker {
  return createCircuitBreaker({
    failureThreshold: opts.failureThreshold ?? 5,
    coolDownMs: opts.coolDownMs ?? 2000,
    // Only opening and closing are worth a line; half-open flaps every cool-down during an outage.
    onStateChange: (from, to) => {
      if (to === "open" && from === "closed") logger.warn({ part }, `${part}: breaker open`);
      if (to === "closed") logger.warn({ part }, `${part}: breaker closed`);
    },
  });
}

/**
 * Logs connection loss and recovery once each, closes the breaker on a fresh connection and then
 * calls `onReady`; returns a function that silences it before a deliberate close.
 */
function watchConnection(
  client: Redis,
  watch: {
    part: string;
    breaker: CircuitBreaker;
    logger: CacheLogger;
    onReady?: () => void;
    /** False while a fresh connection is no proof of health (it replaced a stuck one). */
    trustReady: () => boolean;
  },
): () => void {
  const { part, breaker, logger } = watch;
  let link: "new" | "up" | "down" | "closing" = "new";
  // Without a listener ioredis prints every reconnect failure; transitions are logged below.
  client.on("error", () => undefined);
  client.on("ready", () => {
    if (link === "closing") return;
    if (link === "down") logger.warn({ part }, `${part}: redis connection restored`);
    link = "up";
    if (watch.trustReady()) breaker.reset();
    watch.onReady?.();
  });
  client.on("close", () => {
    if (link === "closing") return;
    // A reconnect of our own (a stuck connection) was said already.
    if (link === "up" && watch.trustReady())
      logger.warn({ part }, `${part}: redis connection lost`);
    if (link === "new") logger.warn({ part }, `${part}: redis unavailable, retrying`);
    link = "down";
  });
  return () => {
    link = "closing";
  };
}

/** Whether a command got no answer within its timeout (the connection may be dead or hung). */
export function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && error.message === "Command timed out";
}

/** Whether Redis answered with an error (it is up; the command did nothing). */
export function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === "ReplyError";
}

/**
 * Whether a command failed before it was written (no connection and no offline queue), so it
 * certainly did not run; a timeout or a dropped connection leaves that unknown.
 */
export function isUnsentError(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("Stream isn't writeable");
}

/** Quits politely when connected, else disconnects; never waits longer than a short grace. */
export async function closeClient(client: Redis): Promise<void> {
  if (client.status === "end") return;
  if (client.status !== "ready") {
    client.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_GRACE_MS);
  });
  await Promise.race([client.quit().catch(() => undefined), grace]);
  clearTimeout(timer);
  client.disconnect();
}

/**
 * Returns a runner that sends commands through the breaker and turns any failure into the
 * fallback; `onSuccess` follows every answer (a reply error is an answer: Redis is up).
 */
function guardCommands(
  breaker: CircuitBreaker,
  opts: {
    isClosed: () => boolean;
    onSuccess?: () => void;
    /** Told of each command's end: its error, or nothing for an answer. */
    onOutcome: (error?: unknown) => void;
  },
) {
  return async <T>(fallback: T, run: () => Promise<T>): Promise<T> => {
    if (opts.isClosed() || !breaker.allow()) return fallback;
    try {
      const result = await run();
      opts.onOutcome();
      breaker.succeed();
      opts.onSuccess?.();
      return result;
    } catch (error) {
      opts.onOutcome(error);
      if (isReplyError(error)) {
        breaker.succeed();
        opts.onSuccess?.();
      } else breaker.fail();
      return fallback;
    }
  };
}

/**
 * Returns a function told of each command's outcome that drops a connection on which a command
 * timed out while it looked open: Redis answers in well under a millisecond, and a socket whose
 * peer is gone without a word (a half-open connection, a NAT that forgot the flow) would
 * otherwise stay "open" for minutes, until TCP gives up. A new connection is made at once; while
 * Redis is really hung it does not become ready, and commands fail fast meanwhile.
 */
function watchForStuck(client: Redis, part: string, logger: CacheLogger) {
  // Set by such a reconnect: a Redis that accepts connections but hangs on commands (stopped,
  // paused) would make every fresh connection look like a recovery; an answer clears it.
  let suspect = false;
  return {
    noteOutcome(error?: unknown) {
      if (!isTimeoutError(error)) {
        if (error === undefined || isReplyError(error)) suspect = false;
        return;
      }
      if (client.status !== "ready") return;
      suspect = true;
      logger.warn({ part }, `${part}: no answer on an open connection, reconnecting`);
      client.disconnect(true);
    },
    trustReady: () => !suspect,
  };
}

/** One fail-fast Redis connection of a part (cache, views, rate limits), behind its own breaker. */
export interface GuardedRedis {
  client: Redis;
  breaker: CircuitBreaker;
  /** Runs a command through the breaker; any failure becomes the fallback (see guardCommands). */
  guarded: <T>(fallback: T, run: () => Promise<T>) => Promise<T>;
  /** For commands sent outside `guarded`: their error, or nothing for an answer. */
  noteOutcome(error?: unknown): void;
  isClosed(): boolean;
  /** Connected, the breaker closed, and not closed here. */
  isUp(): boolean;
  /** The first connection attempt: awaited so a healthy Redis is ready at once; never fails. */
  connect(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a part's connection: a fail-fast client, its logged breaker, the connection watch
 * (`onReady` after each fresh connection) and the guarded command runner (`onSuccess` after each
 * answer). It does not connect: call `connect()` once the part is set up.
 */
export function openGuardedRedis(opts: {
  url: string;
  part: string;
  logger: CacheLogger;
  commandTimeoutMs: number;
  maxReconnectDelayMs: number;
  breaker?: BreakerSetting;
  onReady?: () => void;
  onSuccess?: () => void;
}): GuardedRedis {
  const client = createFailFastRedis(opts.url, opts);
  const breaker =
    opts.breaker && "allow" in opts.breaker
      ? opts.breaker
      : createLoggedBreaker(opts.part, opts.logger, opts.breaker);
  let closed = false;
  const isClosed = () => closed;
  const stuck = watchForStuck(client, opts.part, opts.logger);
  const noteOutcome = stuck.noteOutcome;
  const unwatch = watchConnection(client, {
    part: opts.part,
    breaker,
    logger: opts.logger,
    onReady: () => opts.onReady?.(),
    trustReady: stuck.trustReady,
  });
  return {
    client,
    breaker,
    guarded: guardCommands(breaker, {
      isClosed,
      onSuccess: () => opts.onSuccess?.(),
      onOutcome: noteOutcome,
    }),
    noteOutcome,
    isClosed,
    isUp: () => !closed && client.status === "ready" && breaker.state() === "closed",
    connect: () => client.connect().catch(() => undefined),
    close: () => {
      closed = true;
      unwatch();
      return closeClient(client);
    },
  };
}
