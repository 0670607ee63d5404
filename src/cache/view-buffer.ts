/** Views of one article in one hour bucket that Redis certainly has not counted. */
export interface BufferedCount {
  articleId: string;
  hour: string;
  views: number;
}

/**
 * One view whose command failed without an answer (timed out, connection dropped): Redis may
 * have counted it. It is replayed under its client's once-per-article key, which the first
 * count set, so it counts at most once.
 */
export interface UncertainView {
  articleId: string;
  client: string;
  hour: string;
}

/** What one replay sends; a batch whose outcome is unknown is sent again with the same id. */
export interface ReplayBatch {
  id: string;
  counts: BufferedCount[];
  uncertain: UncertainView[];
}

/** How a replay ended: applied, certainly not applied (refused), or no answer (unknown). */
export type ReplayOutcome = "applied" | "refused" | "unknown";

/** What the buffer holds, for /readyz and tests. */
export interface ViewBufferStats {
  /** Views held (counted here, not yet in Redis), the batch awaiting an answer included. */
  views: number;
  /** Distinct article-hour entries held (capped). */
  entries: number;
  /** Views that Redis may already have counted, held for an idempotent replay (capped). */
  uncertain: number;
  /** Views dropped because the buffer was full, since start. */
  overflow: number;
  /** Views replayed into Redis, since start. */
  replayed: number;
}

/** The buffer's caps: its memory is bounded by them whatever the outage's length. */
export interface ViewBufferLimits {
  /** Distinct (article, hour) entries; a view of a new one beyond this is dropped. */
  maxEntries: number;
  /** Uncertain views; one beyond this is dropped. */
  maxUncertain: number;
  /** Entries and uncertain views sent in one replay batch. */
  maxBatch: number;
}

/** 10,000 article-hours (about 1 MB) and 1,000 uncertain views; replayed 500 at a time. */
export const VIEW_BUFFER_LIMITS: ViewBufferLimits = {
  maxEntries: 10_000,
  maxUncertain: 1_000,
  maxBatch: 500,
};

/** Views kept in this process while Redis cannot take them, bounded, and handed out to replay. */
export interface ViewBuffer {
  /** Keeps a view Redis has not counted; false (and counted as overflow) when full. */
  add(articleId: string, hour: string): boolean;
  /** Keeps a view Redis may have counted; false (and counted as overflow) when full. */
  addUncertain(view: UncertainView): boolean;
  /** The batch to replay: the unanswered one again, else the next from the buffer; null if empty. */
  nextBatch(): ReplayBatch | null;
  /** Records how a batch's replay ended: dropped, put back, or kept to be sent again. */
  settle(id: string, outcome: ReplayOutcome): void;
  /**
   * Views held per article; absent ids have none. A batch whose answer was lost is included,
   * so until it is settled its views may show both here and in Redis.
   */
  pendingOf(ids: readonly string[]): Map<string, number>;
  isEmpty(): boolean;
  stats(): ViewBufferStats;
}

/** Returns an empty buffer; `newId` names replay batches (unique per batch, across restarts). */
export function createViewBuffer(opts: {
  newId: () => string;
  limits?: Partial<ViewBufferLimits>;
}): ViewBuffer {
  const limits = { ...VIEW_BUFFER_LIMITS, ...opts.limits };
  const counts = new Map<string, BufferedCount>();
  let uncertain: UncertainView[] = [];
  let batch: ReplayBatch | null = null;
  let overflow = 0;
  let replayed = 0;

  const keyOf = (articleId: string, hour: string) => `${hour}\u0000${articleId}`;
  const merge = (c: BufferedCount) => {
    const held = counts.get(keyOf(c.articleId, c.hour));
    if (held) held.views += c.views;
    else counts.set(keyOf(c.articleId, c.hour), { ...c });
  };
  const viewsOf = (b: ReplayBatch) =>
    b.counts.reduce((n, c) => n + c.views, 0) + b.uncertain.length;
  const refuse = () => {
    overflow += 1;
    return false;
  };

  return {
    add(articleId, hour) {
      const held = counts.get(keyOf(articleId, hour));
      if (held) {
        held.views += 1;
        return true;
      }
      if (counts.size + (batch?.counts.length ?? 0) >= limits.maxEntries) return refuse();
      counts.set(keyOf(articleId, hour), { articleId, hour, views: 1 });
      return true;
    },
    addUncertain(view) {
      if (uncertain.length + (batch?.uncertain.length ?? 0) >= limits.maxUncertain) return refuse();
      uncertain.push({ ...view });
      return true;
    },
    nextBatch() {
      if (batch) return batch;
      if (counts.size === 0 && uncertain.length === 0) return null;
      const taken = [...counts.entries()].slice(0, limits.maxBatch);
      for (const [key] of taken) counts.delete(key);
      const room = Math.max(0, limits.maxBatch - taken.length);
      batch = {
        id: opts.newId(),
        counts: taken.map(([, c]) => c),
        uncertain: uncertain.slice(0, room),
      };
      uncertain = uncertain.slice(room);
      return batch;
    },
    settle(id, outcome) {
      if (!batch || batch.id !== id || outcome === "unknown") return;
      if (outcome === "applied") replayed += viewsOf(batch);
      else {
        // Refused: Redis answered without running it, so the views go back (caps already paid).
        batch.counts.forEach(merge);
        uncertain = [...batch.uncertain, ...uncertain];
      }
      batch = null;
    },
    pendingOf(ids) {
      const wanted = new Set(ids);
      const pending = new Map<string, number>();
      for (const c of [...counts.values(), ...(batch?.counts ?? [])]) {
        if (wanted.has(c.articleId))
          pending.set(c.articleId, (pending.get(c.articleId) ?? 0) + c.views);
      }
      return pending;
    },
    isEmpty: () => counts.size === 0 && uncertain.length === 0 && batch === null,
    stats() {
      const held = [...counts.values()].reduce((n, c) => n + c.views, 0) + uncertain.length;
      return {
        views: held + (batch ? viewsOf(batch) : 0),
        entries: counts.size + (batch?.counts.length ?? 0),
        uncertain: uncertain.length + (batch?.uncertain.length ?? 0),
        overflow,
        replayed,
      };
    },
  };
}
