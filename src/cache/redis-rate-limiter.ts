import { refillSeconds } from "../domain/token-bucket";
import { createMemoryRateLimiter } from "./memory-rate-limiter";
import type { RateLimiter } from "./rate-limiter";
import {
  type CacheLogger,
  openGuardedRedis,
  silentLogger,
  type BreakerSetting,
} from "./redis-connection";

// One atomic step per charge (the same arithmetic as chargeBucket): refill for the time passed,
// take the cost if it is there, keep the bucket only as long as it takes to fill up again.
// KEYS: bucket. ARGV: cost, now (ms), per minute, burst, TTL (s).
// Returns {allowed 0|1, remaining (string), retry after seconds}.
export const CHARGE_SCRIPT = `
local cost, now = tonumber(ARGV[1]), tonumber(ARGV[2])
local perMs, burst = tonumber(ARGV[3]) / 60000, tonumber(ARGV[4])
local held = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens, at = tonumber(held[1]), tonumber(held[2])
if tokens == nil then tokens, at = burst, now end
tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
local due = math.min(math.max(0, cost), burst)
local allowed, retry = 0, 0
if tokens >= due then
  tokens = tokens - due
  allowed = 1
else
  retry = math.max(1, math.ceil((due - tokens) / perMs / 1000))
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(math.max(now, at)))
redis.call('EXPIRE', KEYS[1], ARGV[5])
return {allowed, tostring(tokens), retry}`;

/**
 * Token buckets in Redis under `<prefix>rate:`, shared by every instance, with a fail-fast
 * connection and a breaker; while Redis is away or the breaker open, buckets are kept in this
 * process (an LRU), so limits still hold per instance and no request fails for it.
 */
export async function createRedisRateLimiter(opts: {
  url: string;
  prefix: string;
  logger?: CacheLogger;
  commandTimeoutMs?: number;
  breaker?: BreakerSetting;
}): Promise<RateLimiter> {
  const redis = openGuardedRedis({
    url: opts.url,
    part: "rate-limits",
    logger: opts.logger ?? silentLogger,
    commandTimeoutMs: opts.commandTimeoutMs ?? 200,
    maxReconnectDelayMs: 2000,
    breaker: opts.breaker,
  });
  await redis.connect();
  const { client, guarded } = redis;
  const fallback = createMemoryRateLimiter();
  return {
    async charge(who, cost, rate, now) {
      const answer = await guarded<unknown>(null, () =>
        client.eval(
          CHARGE_SCRIPT,
          1,
          `${opts.prefix}rate:${who}`,
          cost,
          now,
          rate.perMinute,
          rate.burst,
          refillSeconds(rate) + 1,
        ),
      );
      if (!Array.isArray(answer)) return fallback.charge(who, cost, rate, now);
      const [allowed, remaining, retry] = answer as [number, string, number];
      return { allowed: allowed === 1, remaining: Number(remaining), retryAfterSeconds: retry };
    },
    close: () => redis.close(),
  };
}
