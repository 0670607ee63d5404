import { BUCKET_TTL_SECONDS } from "../domain/popularity";
import type { ReplayBatch } from "./view-buffer";
import { VIEW_LIMITS } from "./view-counter";

/** Where the counter keeps its keys, under the gateway's prefix. */
export interface ViewCounterKeys {
  bucket(hour: string): string;
  pending(): string;
  seen(client: string, articleId: string): string;
  perMinute(client: string): string;
  /** Marks a replay batch as applied, so sending it again counts nothing. */
  replayed(batchId: string): string;
}

/** Returns the counter's keys under `prefix` (buckets, pending and replay marks share a slot). */
export function viewCounterKeys(prefix: string): ViewCounterKeys {
  const pop = `${prefix}{pop}:`;
  return {
    bucket: (hour) => `${pop}h:${hour}`,
    pending: () => `${pop}pending`,
    seen: (client, articleId) => `${prefix}view:${client}:${articleId}`,
    perMinute: (client) => `${prefix}views-per-minute:${client}`,
    replayed: (batchId) => `${pop}replayed:${batchId}`,
  };
}

// Counting is one atomic script: the limits checked and the view counted in one step, so
// thousands of concurrent views from many connections add up exactly.
export const RECORD_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) == false then return 0 end
local used = redis.call('INCR', KEYS[2])
if used == 1 then redis.call('EXPIRE', KEYS[2], 60) end
if used > tonumber(ARGV[2]) then return 0 end
redis.call('ZINCRBY', KEYS[3], 1, ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[4])
redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
return 1`;

// Takes the pending tally atomically: views counted meanwhile start a new one.
export const TAKE_SCRIPT = `
local all = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return all`;

// Replays a batch at most once: the mark is set in the same atomic step as the counts, so a
// batch sent again after a lost answer finds it and counts nothing (-1). An uncertain view
// counts only if its client's once-per-article key is unset: set, the first try counted it.
// KEYS: mark, pending, a bucket per count, then (bucket, seen) per uncertain view.
// ARGV: mark TTL, bucket TTL, seen TTL, number of counts, (id, views) per count, id per view.
export const REPLAY_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) == false then return -1 end
local n = tonumber(ARGV[4])
local counted = 0
local function count(bucket, id, views)
  redis.call('ZINCRBY', bucket, views, id)
  redis.call('EXPIRE', bucket, ARGV[2])
  redis.call('HINCRBY', KEYS[2], id, views)
  counted = counted + views
end
for i = 1, n do count(KEYS[2 + i], ARGV[3 + 2 * i], tonumber(ARGV[4 + 2 * i])) end
for j = 1, (#KEYS - 2 - n) / 2 do
  local bucket, seen = KEYS[1 + n + 2 * j], KEYS[2 + n + 2 * j]
  if redis.call('SET', seen, '1', 'NX', 'EX', ARGV[3]) then count(bucket, ARGV[4 + 2 * n + j], 1) end
end
return counted`;

// A batch's mark outlives any retry of it (a retry follows every reconnect).
const REPLAY_MARK_SECONDS = 24 * 3600;

/** The keys and arguments of {@link REPLAY_SCRIPT} for one batch. */
export function replayScriptArgs(
  keys: ViewCounterKeys,
  batch: ReplayBatch,
): { keys: string[]; args: (string | number)[] } {
  return {
    keys: [
      keys.replayed(batch.id),
      keys.pending(),
      ...batch.counts.map((c) => keys.bucket(c.hour)),
      ...batch.uncertain.flatMap((v) => [keys.bucket(v.hour), keys.seen(v.client, v.articleId)]),
    ],
    args: [
      REPLAY_MARK_SECONDS,
      BUCKET_TTL_SECONDS,
      VIEW_LIMITS.perArticleSeconds,
      batch.counts.length,
      ...batch.counts.flatMap((c) => [c.articleId, c.views]),
      ...batch.uncertain.map((v) => v.articleId),
    ],
  };
}
