import type { BucketRate, Charge } from "../domain/token-bucket";

/** Per-client token buckets (in Redis, or in this process). */
export interface RateLimiter {
  /** Charges `cost` units to `client`'s bucket at `now`, refilled at `rate`. */
  charge(client: string, cost: number, rate: BucketRate, now: number): Promise<Charge>;
  close(): Promise<void>;
}
