import { createHash } from "node:crypto";
import type { RateLimiter } from "../cache/rate-limiter";
import type { BucketRate, Charge } from "../domain/token-bucket";
import { readBearerKey } from "./api-key";

/** Who a request's cost is charged to: its API key when it sent a valid one, else its address. */
export interface RateClient {
  /** The bucket's name: `key:<digest>` or `ip:<address>` (never the key itself). */
  id: string;
  keyed: boolean;
}

/** The limits of the whole API, per client. */
export interface ClientLimits {
  /** Who a request is, from its `Authorization` header and its address. */
  identify(authorization: string | undefined, address: string): RateClient;
  /**
   * Charges `cost` units to the client, less `paid` units of the same request charged before
   * (its arrival); the whole is capped at the burst, so a full bucket lets any operation through.
   * Null when its kind of client is not limited.
   */
  charge(client: RateClient, cost: number, paid?: number): Promise<Charge | null>;
}

/** Options of {@link createClientLimits}; a null rate leaves that kind of client unlimited. */
export interface ClientLimitsOptions {
  limiter: RateLimiter;
  /** Clients without a valid API key, by address. */
  anonymous: BucketRate | null;
  /** Clients with a valid API key, by key. */
  apiKey: BucketRate | null;
  /** Whether an `Authorization` header carries a configured API key. */
  isKnownKey: (authorization?: string) => boolean;
  now: () => number;
}

/** Returns the per-client limits over a limiter (Redis or in-process). */
export function createClientLimits(opts: ClientLimitsOptions): ClientLimits {
  return {
    identify(authorization, address) {
      // Only a configured key names a bucket: made-up keys would each get a fresh one.
      const key = opts.isKnownKey(authorization) ? readBearerKey(authorization) : undefined;
      if (key === undefined) return { id: `ip:${address}`, keyed: false };
      const digest = createHash("sha256").update(key, "utf8").digest("hex").slice(0, 24);
      return { id: `key:${digest}`, keyed: true };
    },
    async charge(client, cost, paid = 0) {
      const rate = client.keyed ? opts.apiKey : opts.anonymous;
      if (rate === null) return null;
      const due = Math.max(0, Math.min(cost, rate.burst) - paid);
      return opts.limiter.charge(client.id, due, rate, opts.now());
    },
  };
}
